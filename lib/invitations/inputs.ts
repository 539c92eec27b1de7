import { z } from "zod";
import { organizationAddressInput } from "@/lib/accounts/organization";
import { optionalText } from "@/lib/actions/fields";
import { checkPasswords, emailInput, nameInput, usernameInput } from "@/lib/auth/inputs";
import { INVITABLE_TYPES, LOCALES } from "@/lib/enums";
import { CUSTOM_MESSAGE_MAX } from "./constants";
import { invitationTermsInput, normalizeTerms } from "./terms";

/**
 * A new invitation, as every front door gives it (the invite form through its
 * adapter, the API): no message is null, an empty one too.
 */
export const newInvitationInput = z.object({
  email: emailInput,
  subaccountType: z.enum(INVITABLE_TYPES),
  customMessage: z
    .string()
    .max(CUSTOM_MESSAGE_MAX, { message: "v.custom_message_too_long" })
    .nullish()
    .transform((v) => v?.trim() || null),
  locale: z.enum(LOCALES),
  // Optional: greets the invitee by name and fills in the accept form for them.
  firstName: optionalText(100),
  lastName: optionalText(100),
  company: optionalText(200),
  // What the new subaccount starts with, when not the defaults (lib/invitations/terms.ts).
  terms: invitationTermsInput.nullish().transform((terms) => normalizeTerms(terms) ?? undefined),
});

/**
 * What the invitee fills in: the organization's name and address (the shared
 * organization fields), themselves as its contact and first Administrator, and
 * their sign-in.
 */
export const acceptInput = organizationAddressInput.extend({
  firstName: nameInput,
  lastName: nameInput,
  contactPhone: optionalText(40),
  jobTitle: optionalText(100),
  username: usernameInput,
  password: z.string().max(1000),
});
export type AcceptInput = z.output<typeof acceptInput>;

/** The accept form: the input, the link's token, and the password typed twice. */
export const acceptFormInput = acceptInput
  .extend({ token: z.string().max(100), confirmPassword: z.string().max(1000) })
  .superRefine(checkPasswords);

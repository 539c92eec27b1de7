import { z } from "zod";
import { invitationTermsOf } from "@/app/_components/invitation-terms-input";
import { newInvitationInput } from "@/lib/invitations/inputs";

/**
 * The fields an invitation's form shares with a template's: the message counts
 * only while "Send custom message" is ticked; the terms come from their own fields.
 */
export function invitationFormFields(raw: unknown, ctx: z.RefinementCtx) {
  if (typeof raw !== "object" || raw === null) return raw;
  const { sendCustomMessage, customMessage, ...rest } = raw as Record<string, unknown>;
  return {
    ...rest,
    customMessage: sendCustomMessage === "on" ? customMessage : null,
    terms: invitationTermsOf(raw as Record<string, unknown>, ctx),
  };
}

/** The invite form as submitted, with the template it started from, if any. */
export const inviteFormInput = z.preprocess(
  invitationFormFields,
  newInvitationInput.extend({ templateId: z.uuid().optional() }),
);

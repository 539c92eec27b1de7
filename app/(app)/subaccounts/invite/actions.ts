"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { emailInput } from "@/lib/auth/inputs";
import { kickOutbox } from "@/lib/email/worker";
import { env } from "@/lib/env";
import { LOCALES } from "@/lib/i18n/locale";
import { CUSTOM_MESSAGE_MAX } from "@/lib/invitations/rules";
import { createInvitation } from "@/lib/invitations/service";
import { INVITABLE_TYPES } from "@/lib/subaccounts/rules";

const input = z.object({
  email: emailInput,
  subaccountType: z.enum(INVITABLE_TYPES),
  sendCustomMessage: z.literal("on").optional(),
  customMessage: z
    .string()
    .max(CUSTOM_MESSAGE_MAX, { message: "v.custom_message_too_long" })
    .optional(),
  locale: z.enum(LOCALES),
});

export const inviteSubaccount = action(
  { permission: "invitations.create", input },
  async (data, { actor, db, now }) => {
    const message = data.sendCustomMessage ? data.customMessage?.trim() || null : null;
    const { id } = await createInvitation(
      db,
      {
        actor,
        email: data.email,
        subaccountType: data.subaccountType,
        customMessage: message,
        locale: data.locale,
        now,
      },
      { appUrl: env().APP_URL, invitationsPerHour: env().INVITATIONS_PER_HOUR },
    );
    // Deliver right after the response; the outbox poller retries if this fails.
    after(kickOutbox);
    revalidatePath("/subaccounts/invitations");
    return { redirectTo: `/subaccounts/invitations?sent=${id}` };
  },
);

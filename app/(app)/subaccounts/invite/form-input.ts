import { z } from "zod";
import { invitationTermsOf } from "@/app/_components/invitation-terms-input";
import { newInvitationInput } from "@/lib/invitations/inputs";

/**
 * The invite form as submitted: the message counts only while "Send custom
 * message" is ticked; the terms come from their own fields.
 */
export const inviteFormInput = z.preprocess((raw, ctx) => {
  if (typeof raw !== "object" || raw === null) return raw;
  const { sendCustomMessage, customMessage, ...rest } = raw as Record<string, unknown>;
  return {
    ...rest,
    customMessage: sendCustomMessage === "on" ? customMessage : null,
    terms: invitationTermsOf(raw as Record<string, unknown>, ctx),
  };
}, newInvitationInput);

import { z } from "zod";
import { newInvitationInput } from "@/lib/invitations/inputs";

/** The invite form as submitted: the message counts only while "Send custom message" is ticked. */
export const inviteFormInput = z.preprocess((raw) => {
  if (typeof raw !== "object" || raw === null) return raw;
  const { sendCustomMessage, customMessage, ...rest } = raw as Record<string, unknown>;
  return { ...rest, customMessage: sendCustomMessage === "on" ? customMessage : null };
}, newInvitationInput);

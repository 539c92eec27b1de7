"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { REMINDER_DAYS_MAX, REMINDER_DAYS_MIN } from "@/lib/invitations/constants";
import { updateInvitationSettings } from "@/lib/invitations/settings";

/** The form's choice: "off", or a number of days. */
const input = z.object({
  reminderDays: z.union([
    z.literal("off").transform(() => null),
    z.coerce.number().int().min(REMINDER_DAYS_MIN).max(REMINDER_DAYS_MAX),
  ]),
});

export const saveInvitationSettings = action(
  { permission: "account.edit", input },
  async ({ reminderDays }, { actor, db, now }) => {
    await updateInvitationSettings(db, actor, { reminderDays }, now);
    revalidatePath("/account/invitations");
    return { ok: true, message: "invitationSettings.saved" };
  },
);

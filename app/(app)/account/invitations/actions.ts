"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { updateInvitationSettings } from "@/lib/invitations/settings";

/** The form's choice: "off", or a number of days (checked by the use case's own schema). */
const input = z.object({
  reminderDays: z.union([z.literal("off").transform(() => null), z.coerce.number().int()]),
});

export const saveInvitationSettings = action(
  { permission: "account.edit", input },
  async ({ reminderDays }, { actor, db, now }) => {
    await updateInvitationSettings(db, actor, { reminderDays }, now);
    revalidatePath("/account/invitations");
    return { ok: true, message: "invitationSettings.saved" };
  },
);

import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { accounts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, lockActor } from "@/lib/auth/authorize";
import { REMINDER_DAYS_MAX, REMINDER_DAYS_MIN } from "./constants";

/** An account's invitation settings: when its invitees are reminded. */

export const invitationSettingsInput = z.object({
  /** "Remind the invitee N days before the link expires"; null: no reminders. */
  reminderDays: z.number().int().min(REMINDER_DAYS_MIN).max(REMINDER_DAYS_MAX).nullable(),
});
export type InvitationSettings = z.infer<typeof invitationSettingsInput>;

export async function getInvitationSettings(db: Db, actor: Actor): Promise<InvitationSettings> {
  authorize(actor, "invitations.view");
  const [row] = await db
    .select({ reminderDays: accounts.reminderDays })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  return { reminderDays: row?.reminderDays ?? null };
}

/** Administrators set them: they apply to every pending invitation of the account at once. */
export async function updateInvitationSettings(
  db: Db,
  actor: Actor,
  input: InvitationSettings,
  now: Date,
): Promise<InvitationSettings> {
  authorize(actor, "account.edit");
  const settings = invitationSettingsInput.parse(input);
  await db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "account.edit");
    await tx
      .update(accounts)
      .set({ reminderDays: settings.reminderDays, updatedAt: now })
      .where(eq(accounts.id, current.accountId));
  });
  return settings;
}

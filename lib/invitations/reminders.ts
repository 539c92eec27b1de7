import { eq, sql } from "drizzle-orm";
import { type Db, selectRows } from "@/db";
import {
  accounts,
  invitationEvents,
  invitationRetiredTokens,
  invitations,
  users,
} from "@/db/schema";
import { accountUsableSql } from "@/lib/accounts/usable";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderWithToken } from "@/lib/email/one-time-link";
import { renderInvitationReminderEmail } from "@/lib/email/render";
import { onBehalfOf } from "@/lib/email/sender";
import type { InvitableType, Locale } from "@/lib/enums";
import { recordInvitationEvents } from "@/lib/events/record";
import { hashToken } from "@/lib/tokens";
import { fullName } from "@/lib/users/names";
// What becomes of the emails sent here is recorded on the invitations.
import "./email-outcomes";
import { REMINDER_DAYS_MAX } from "./constants";
import { invitationTopic } from "./delivery";
import { invitationToken } from "./link";
import { acceptUrl, type InvitationDeps } from "./send";
import { daysLeft } from "./status";

/** Any constant works; it only has to be the same for every instance of the app. */
const REMINDER_LOCK = 727_004;

/** The idempotency key of a send's reminder: one per send, in the outbox and at the provider. */
export function invitationReminderKey(invitationId: string, sendCount: number): string {
  return `invitation-reminder:${invitationId}:${sendCount}`;
}

type Due = {
  id: string;
  email: string;
  locale: Locale;
  subaccountType: InvitableType;
  inviteeFirstName: string | null;
  tokenHash: string;
  sendCount: number;
  expiresAt: string;
  senderName: string;
  senderEmail: string;
  accountName: string;
};

/**
 * Reminds invitees whose link expires within their account's reminder days
 * (accounts.reminder_days; null: the account sends none): one reminder per
 * invitation and send (reminded_send_count), never for an accepted, canceled
 * or expired one, never within a day of the send it is about (the invitee
 * has just had an email), and with the link of the latest send, so a reminder
 * after a resend carries the new link. Left out, and looked at again next
 * time: invitations of an account that is not usable (it or one above it
 * deactivated: no one there can accept or be reached), and those whose sender
 * is no longer active, as the reminder would go out in their name with their
 * address to reply to; reactivated, their reminders follow.
 *
 * One instance sends at a time (an advisory lock); rows locked by a change in
 * progress (a resend, a cancel) are left for the next run. The email, the
 * mark and the history commit together, so a reminder is queued once.
 * Returns how many it queued.
 */
export async function sendDueReminders(
  db: Db,
  now: Date,
  deps: Pick<InvitationDeps, "appUrl">,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 50;
  const maxBatches = options.maxBatches ?? 20;
  const at = sql`${now.toISOString()}::timestamptz`;
  let total = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const sent = await db.transaction(async (tx) => {
      const [lock] = await selectRows<{ locked: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${REMINDER_LOCK}) as locked`,
      );
      if (!lock?.locked) return null;
      const due = await selectRows<Due>(
        tx,
        sql`
        select ${invitations.id} as id, ${invitations.email} as email, ${invitations.locale} as locale,
          ${invitations.subaccountType} as "subaccountType",
          ${invitations.inviteeFirstName} as "inviteeFirstName", ${invitations.tokenHash} as "tokenHash",
          ${invitations.sendCount} as "sendCount", ${invitations.expiresAt} as "expiresAt",
          ${fullName(users)} as "senderName", ${users.email} as "senderEmail",
          ${accounts.name} as "accountName"
        from ${invitations}
        join ${accounts} on ${accounts.id} = ${invitations.accountId}
        join ${users} on ${users.id} = ${invitations.sentBy}
        -- The partial index of those not yet reminded of their send, by expiry, serves this.
        where ${invitations.status} = 'pending'
          and ${invitations.remindedSendCount} < ${invitations.sendCount}
          and ${invitations.expiresAt} > ${at}
          and ${invitations.expiresAt} <= ${at} + ${sql.raw(`interval '${REMINDER_DAYS_MAX} days'`)}
          and ${accounts.reminderDays} is not null
          and ${invitations.expiresAt} <= ${at} + make_interval(days => ${accounts.reminderDays})
          and ${invitations.lastSentAt} <= ${at} - interval '1 day'
          and ${users.status} = 'active'
          and ${accountUsableSql(invitations.accountId)}
        order by ${invitations.expiresAt}
        limit ${batchSize}
        for update of ${invitations} skip locked`,
      );
      for (const inv of due) await remind(tx, inv, now, deps);
      await recordInvitationEvents(
        tx,
        "invitation.reminded",
        due.map((inv) => inv.id),
        now,
      );
      return due.length;
    });
    if (sent === null) break;
    total += sent;
    if (sent < batchSize) break;
  }
  return total;
}

async function remind(tx: Db, inv: Due, now: Date, deps: Pick<InvitationDeps, "appUrl">) {
  const expiresAt = new Date(inv.expiresAt);
  // The link the email of this send carried: made again from the secret, the id and the send.
  const token = invitationToken(inv.id, inv.sendCount);
  if (hashToken(token) !== inv.tokenHash) {
    // Sent before links were made this way: its own link cannot be made again, so the
    // reminder brings a new one, and the old one says a newer invitation was sent.
    await tx
      .update(invitations)
      .set({ tokenHash: hashToken(token) })
      .where(eq(invitations.id, inv.id));
    await tx
      .insert(invitationRetiredTokens)
      .values({ tokenHash: inv.tokenHash, invitationId: inv.id, retiredAt: now })
      .onConflictDoNothing();
  }
  const days = daysLeft(expiresAt, now);
  const props = {
    locale: inv.locale,
    inviterName: inv.senderName,
    organization: inv.accountName,
    subaccountType: inv.subaccountType,
    inviteeName: inv.inviteeFirstName,
    expiresAt,
    daysLeft: days,
  };
  // Reminders of invitations sent together are alike but for their links: rendered once.
  const email = await renderWithToken({ reminder: props, appUrl: deps.appUrl }, token, (t) =>
    renderInvitationReminderEmail({ ...props, acceptUrl: acceptUrl(deps.appUrl, t, inv.locale) }),
  );
  await tx
    .update(invitations)
    .set({ remindedSendCount: inv.sendCount })
    .where(eq(invitations.id, inv.id));
  await tx.insert(invitationEvents).values({
    invitationId: inv.id,
    type: "reminded",
    detail: { daysLeft: days },
    createdAt: now,
  });
  // Not the invitation's own email: its delivery state follows only that one (delivery.ts).
  await enqueueEmail(tx, {
    to: inv.email,
    email,
    template: "invitation-reminder",
    idempotencyKey: invitationReminderKey(inv.id, inv.sendCount),
    topic: invitationTopic(inv.id),
    deadline: expiresAt,
    sender: {
      onBehalfOf: onBehalfOf({ name: inv.senderName, accountName: inv.accountName }),
      replyTo: inv.senderEmail,
    },
    now,
  });
}

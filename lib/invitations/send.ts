import { recordInvitationEvent } from "@/lib/events/record";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, invitationEvents, invitationRetiredTokens, invitations } from "@/db/schema";
import { type Actor, eventActor } from "@/lib/auth/actor";
import { authorize, lockActor } from "@/lib/auth/authorize";
import { enqueueEmail, withdrawQueued } from "@/lib/email/outbox";
// What becomes of the emails sent here is recorded on the invitations.
import "./email-outcomes";
import { renderWithToken } from "@/lib/email/one-time-link";
import { renderInvitationEmail } from "@/lib/email/render";
import { onBehalfOf } from "@/lib/email/sender";
import type { InvitationEmailProps } from "@/emails/invitation";
import { linkInLanguage } from "@/lib/i18n/locale";
import type { InvitableType, Locale } from "@/lib/enums";
import { isUniqueViolation } from "@/lib/errors";
import { limitFor } from "@/lib/rate-limit/limits";
import * as rateLimit from "@/lib/rate-limit/service";
import { invitableTypes } from "@/lib/subaccounts/rules";
import { hashToken } from "@/lib/tokens";
import { invitationToken } from "./link";
import { invitationEmailKey, invitationTopic } from "./delivery";
import { InvitationError } from "./errors";
import { cancelPlan, canCorrectAddress, resendPlan } from "./rules";
import { authorizeTerms, checkTerms, type InvitationTerms, normalizeTerms } from "./terms";
import { displayStatus, expiryFor } from "./status";

/** The inviter's use cases: send an invitation, send it again, cancel it. */

export type InvitationDeps = {
  /** Public base URL: links are built from configuration, never from a request's Host header. */
  appUrl: string;
  invitationsPerHour: number;
};

export type NewInvitation = {
  email: string;
  subaccountType: InvitableType;
  customMessage: string | null;
  /** Who it is for, when the inviter says: the email greets them, the accept form starts filled in. */
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  locale: Locale;
  /** What the new subaccount starts with, when not the defaults (./terms.ts). */
  terms?: InvitationTerms | null;
};

const ONE_PENDING = "invitations_one_pending_per_email";

/** The invitee's link: it opens the accept page in the invitation's language. */
export function acceptUrl(appUrl: string, token: string, locale: Locale) {
  return linkInLanguage(`${appUrl}/accept/${token}`, locale);
}

/** An invitation's email with its link; invitations alike but for their links render once. */
function invitationEmail(
  appUrl: string,
  token: string,
  props: Omit<InvitationEmailProps, "acceptUrl">,
) {
  return renderWithToken({ invitation: props, appUrl }, token, (t) =>
    renderInvitationEmail({ ...props, acceptUrl: acceptUrl(appUrl, t, props.locale) }),
  );
}

function duplicate(existingId?: string) {
  return new InvitationError(
    "invitation_duplicate_pending",
    "email",
    existingId ? { existingId } : undefined,
  );
}

/** An invitation ready to be written: its id, link, expiry and rendered email. */
export type PreparedInvitation = {
  id: string;
  token: string;
  expiresAt: Date;
  input: NewInvitation;
  email: Awaited<ReturnType<typeof renderInvitationEmail>>;
};

/** Renders the email of a new invitation from `current` (outside any transaction: it takes a while). */
export async function prepareInvitation(
  current: Actor,
  input: NewInvitation,
  now: Date,
  deps: Pick<InvitationDeps, "appUrl">,
): Promise<PreparedInvitation> {
  const id = randomUUID();
  const token = invitationToken(id, 1);
  const expiresAt = expiryFor(now);
  const email = await invitationEmail(deps.appUrl, token, {
    locale: input.locale,
    inviterName: current.name,
    organization: current.accountName,
    subaccountType: input.subaccountType,
    customMessage: input.customMessage,
    inviteeName: input.firstName ?? null,
    expiresAt,
  });
  return { id, token, expiresAt, input, email };
}

/** Whether the actor's account may offer this type of subaccount; "not allowed" otherwise. */
export async function invitableTypesOf(db: Db, accountId: string): Promise<InvitableType[]> {
  const [account] = await db
    .select({ allowed: accounts.allowedSubaccountTypes })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return account ? invitableTypes(account.allowed) : [];
}

/**
 * Writes a prepared invitation in the caller's transaction, with its history,
 * its event and its email in the outbox. The caller has locked the actor and
 * checked the type and the limits. A pending invitation to the same address
 * refuses it; an expired one is closed out to make room.
 */
export async function insertInvitation(
  tx: Db,
  current: Actor,
  prepared: PreparedInvitation,
  now: Date,
  history: { detail?: Record<string, string> } = {},
): Promise<void> {
  const { id, input, expiresAt } = prepared;
  // Every door writes through here: the terms are the actor's to set, and the account's.
  const terms = normalizeTerms(input.terms);
  authorizeTerms(current, null, terms);
  await checkTerms(tx, current.accountId, terms);
  const [existing] = await tx
    .select({ id: invitations.id, status: invitations.status, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(
      and(
        eq(invitations.accountId, current.accountId),
        eq(sql`lower(${invitations.email})`, input.email.toLowerCase()),
        eq(invitations.status, "pending"),
      ),
    )
    .for("update");
  if (existing) {
    if (displayStatus(existing, now) === "pending") throw duplicate(existing.id);
    // An expired invitation does not block a new one; it is closed out as expired.
    await tx.update(invitations).set({ status: "expired" }).where(eq(invitations.id, existing.id));
  }
  try {
    // A savepoint: a refused row leaves the caller's transaction usable (a batch goes on).
    await tx.transaction(async (sp) => {
      await sp.insert(invitations).values({
        id,
        accountId: current.accountId,
        email: input.email,
        subaccountType: input.subaccountType,
        customMessage: input.customMessage,
        inviteeFirstName: input.firstName ?? null,
        inviteeLastName: input.lastName ?? null,
        inviteeCompany: input.company ?? null,
        terms,
        locale: input.locale,
        tokenHash: hashToken(prepared.token),
        sentBy: current.userId,
        sentAt: now,
        lastSentAt: now,
        expiresAt,
        createdAt: now,
      });
    });
  } catch (error) {
    // Two managers inviting the same address at the same moment: the index decides.
    if (isUniqueViolation(error, ONE_PENDING)) throw duplicate();
    throw error;
  }
  await tx.insert(invitationEvents).values({
    invitationId: id,
    type: "created",
    ...eventActor(current),
    detail: history.detail ?? null,
    createdAt: now,
  });
  await recordInvitationEvent(tx, "invitation.created", id, now);
  await enqueueEmail(tx, {
    to: input.email,
    email: prepared.email,
    template: "invitation",
    idempotencyKey: invitationEmailKey(id, 1),
    topic: invitationTopic(id),
    // Worth retrying for as long as its link works.
    deadline: expiresAt,
    sender: { onBehalfOf: onBehalfOf(current), replyTo: current.email },
    now,
  });
}

export async function createInvitation(
  db: Db,
  actor: Actor,
  input: NewInvitation,
  now: Date,
  deps: InvitationDeps,
  options: {
    /** The "created" line's detail in the new invitation's history. */
    history?: { detail?: Record<string, string> };
    /** More of the same change, in its transaction once the invitation is written (send again). */
    alongside?: (tx: Db, current: Actor, id: string) => Promise<void>;
  } = {},
): Promise<{ id: string; token: string }> {
  authorize(actor, "invitations.create");
  // The actor's rights and their account (and every account above it) as they are now.
  const current = await lockActor(db, actor, "invitations.create");
  if (!(await invitableTypesOf(db, current.accountId)).includes(input.subaccountType)) {
    throw new InvitationError("invitation_type_not_allowed", "subaccountType");
  }
  // Terms that cannot go out are refused before the hourly limit counts the attempt
  // (and checked again with the invitation, in its transaction).
  const terms = normalizeTerms(input.terms);
  authorizeTerms(current, null, terms);
  await checkTerms(db, current.accountId, terms);
  const limit = await rateLimit.hit(
    db,
    {
      key: `invitations:account:${current.accountId}`,
      limit: deps.invitationsPerHour,
      windowSeconds: 3600,
    },
    now,
  );
  if (!limit.allowed) throw new InvitationError("invitation_rate_limited");
  const prepared = await prepareInvitation(current, input, now, deps);
  await db.transaction(async (tx) => {
    await lockActor(tx, current, "invitations.create");
    await insertInvitation(tx, current, prepared, now, options.history);
    await options.alongside?.(tx, current, prepared.id);
  });
  return { id: prepared.id, token: prepared.token };
}

/** One of the actor's account's invitations, locked for a change; any other id is "not found". */
export async function lockOwnInvitation(
  tx: Db,
  actor: Actor,
  id: string,
  permission: "invitations.resend" | "invitations.cancel" | "invitations.create",
) {
  const current = await lockActor(tx, actor, permission);
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.accountId, current.accountId)))
    .for("update");
  if (!row) throw new InvitationError("invitation_not_found");
  return row;
}

/**
 * A new token (the old link stops working), a new 30-day window and a new
 * email; with `email`, to a corrected address (only after the last email
 * bounced or failed).
 */
export async function resendInvitation(
  db: Db,
  actor: Actor,
  input: { id: string; email?: string },
  now: Date,
  deps: Pick<InvitationDeps, "appUrl">,
): Promise<{ token: string; email: string }> {
  authorize(actor, "invitations.resend");
  // Counted outside the transaction, so a refused resend still counts.
  const counted = await Promise.all(
    [
      limitFor("resendsPerInvitation", `${actor.accountId}:${input.id}`),
      limitFor("resendsPerAccount", actor.accountId),
    ].map((rule) => rateLimit.hit(db, rule, now)),
  );
  if (counted.some((result) => !result.allowed)) throw new InvitationError("resend_rate_limited");
  try {
    return await db.transaction(async (tx) => {
      const inv = await lockOwnInvitation(tx, actor, input.id, "invitations.resend");
      const plan = resendPlan(inv, now);
      const to = input.email ?? inv.email;
      const corrected = to.toLowerCase() !== inv.email.toLowerCase();
      if (input.email !== undefined && !corrected)
        throw new InvitationError("address_unchanged", "email");
      if (corrected && !canCorrectAddress(inv, now))
        throw new InvitationError("address_not_correctable", "email");
      const sendCount = inv.sendCount + 1;
      const token = invitationToken(inv.id, sendCount);
      const email = await invitationEmail(deps.appUrl, token, {
        locale: inv.locale,
        inviterName: actor.name,
        organization: actor.accountName,
        subaccountType: inv.subaccountType as InvitableType,
        customMessage: inv.customMessage,
        inviteeName: inv.inviteeFirstName,
        expiresAt: plan.expiresAt,
      });
      await tx
        .update(invitations)
        .set({
          ...plan,
          email: to,
          tokenHash: hashToken(token),
          sendCount,
          deliveryStatus: "sending",
        })
        .where(eq(invitations.id, inv.id));
      // The old link now says that a newer invitation was sent, rather than "not valid".
      await tx
        .insert(invitationRetiredTokens)
        .values({ tokenHash: inv.tokenHash, invitationId: inv.id, retiredAt: now })
        .onConflictDoNothing();
      await withdrawQueued(tx, invitationTopic(inv.id));
      if (corrected)
        await tx.insert(invitationEvents).values({
          invitationId: inv.id,
          type: "address_corrected",
          ...eventActor(actor),
          detail: { from: inv.email, to },
          createdAt: now,
        });
      await tx.insert(invitationEvents).values({
        invitationId: inv.id,
        type: "resent",
        ...eventActor(actor),
        createdAt: now,
      });
      if (corrected) await recordInvitationEvent(tx, "invitation.address_corrected", inv.id, now);
      await recordInvitationEvent(tx, "invitation.resent", inv.id, now);
      await enqueueEmail(tx, {
        to,
        email,
        template: "invitation",
        idempotencyKey: invitationEmailKey(inv.id, sendCount),
        topic: invitationTopic(inv.id),
        deadline: plan.expiresAt,
        sender: { onBehalfOf: onBehalfOf(actor), replyTo: actor.email },
        now,
      });
      return { token, email: to };
    });
  } catch (error) {
    // Reviving an expired invitation while a newer one to the same address is pending.
    if (isUniqueViolation(error, ONE_PENDING)) throw duplicate();
    throw error;
  }
}

export async function cancelInvitation(
  db: Db,
  actor: Actor,
  input: { id: string },
  now: Date,
): Promise<void> {
  authorize(actor, "invitations.cancel");
  await db.transaction(async (tx) => {
    const inv = await lockOwnInvitation(tx, actor, input.id, "invitations.cancel");
    const plan = cancelPlan(inv, now);
    await tx
      .update(invitations)
      .set({ ...plan, canceledBy: actor.userId })
      .where(eq(invitations.id, inv.id));
    await withdrawQueued(tx, invitationTopic(inv.id));
    await tx.insert(invitationEvents).values({
      invitationId: inv.id,
      type: "canceled",
      ...eventActor(actor),
      createdAt: now,
    });
    await recordInvitationEvent(tx, "invitation.canceled", inv.id, now);
  });
}

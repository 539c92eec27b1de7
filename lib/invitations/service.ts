import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, emailOutbox, invitationEvents, invitations, users } from "@/db/schema";
import { accountUsableSql } from "@/lib/accounts/usable";
import type { Actor } from "@/lib/auth/actor";
import { lockActor } from "@/lib/auth/authorize";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblems } from "@/lib/auth/password-policy";
import { enqueueEmail, ERASED_BODY } from "@/lib/email/outbox";
import { renderInvitationEmail, renderWelcomeEmail } from "@/lib/email/render";
import { DomainError, isUniqueViolation } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locale";
import { limitFor } from "@/lib/rate-limit/limits";
import * as rateLimit from "@/lib/rate-limit/service";
import {
  type InvitableType,
  invitableTypes,
  invitedSubaccountSettings,
} from "@/lib/subaccounts/rules";
import { fullName } from "@/lib/users/names";
import { invitationEmailKey } from "./delivery";
import {
  cancelPlan,
  canCorrectAddress,
  displayStatus,
  expiryFor,
  InvitationError,
  resendPlan,
} from "./rules";
import { hashToken, looksLikeToken, newToken } from "@/lib/tokens";

export type InvitationDeps = {
  /** Public base URL: links are built from configuration, never from a request's Host header. */
  appUrl: string;
  invitationsPerHour: number;
};

const ONE_PENDING = "invitations_one_pending_per_email";

export function acceptUrl(appUrl: string, token: string) {
  return `${appUrl}/accept/${token}`;
}

function duplicate(existingId?: string) {
  return new InvitationError(
    "invitation_duplicate_pending",
    "email",
    existingId ? { existingId } : undefined,
  );
}

/**
 * Stops queued emails of an invitation that a newer send or a cancel has made
 * stale. One that may already be with the provider (its request's outcome is
 * unknown) stays: its group must be retried as sent, or it could go out twice.
 */
async function supersedeQueuedEmails(db: Db, invitationId: string) {
  await db
    .update(emailOutbox)
    .set({ status: "failed", lastError: "superseded", ...ERASED_BODY })
    .where(
      and(
        eq(emailOutbox.invitationId, invitationId),
        eq(emailOutbox.status, "pending"),
        isNull(emailOutbox.batchKey),
      ),
    );
}

export async function createInvitation(
  db: Db,
  input: {
    actor: Actor;
    email: string;
    subaccountType: InvitableType;
    customMessage: string | null;
    locale: Locale;
    now: Date;
  },
  deps: InvitationDeps,
): Promise<{ id: string; token: string }> {
  const { now } = input;
  // The actor's rights and their account (and every account above it) as they are now.
  const actor = await lockActor(db, input.actor, "invitations.create");
  const [account] = await db
    .select({ allowed: accounts.allowedSubaccountTypes })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  if (!account || !invitableTypes(account.allowed).includes(input.subaccountType)) {
    throw new InvitationError("invitation_type_not_allowed", "subaccountType");
  }
  const limit = await rateLimit.hit(
    db,
    {
      key: `invitations:account:${actor.accountId}`,
      limit: deps.invitationsPerHour,
      windowSeconds: 3600,
    },
    now,
  );
  if (!limit.allowed) throw new InvitationError("invitation_rate_limited");

  const token = newToken();
  const expiresAt = expiryFor(now);
  const email = await renderInvitationEmail({
    locale: input.locale,
    inviterName: actor.name,
    organization: actor.accountName,
    subaccountType: input.subaccountType,
    customMessage: input.customMessage,
    acceptUrl: acceptUrl(deps.appUrl, token),
    expiresAt,
  });

  try {
    return await db.transaction(async (tx) => {
      await lockActor(tx, actor, "invitations.create");
      const [existing] = await tx
        .select({
          id: invitations.id,
          status: invitations.status,
          expiresAt: invitations.expiresAt,
        })
        .from(invitations)
        .where(
          and(
            eq(invitations.accountId, actor.accountId),
            eq(sql`lower(${invitations.email})`, input.email.toLowerCase()),
            eq(invitations.status, "pending"),
          ),
        )
        .for("update");
      if (existing) {
        if (displayStatus(existing, now) === "pending") throw duplicate(existing.id);
        // An expired invitation does not block a new one; it is closed out as expired.
        await tx
          .update(invitations)
          .set({ status: "expired" })
          .where(eq(invitations.id, existing.id));
      }
      const [created] = await tx
        .insert(invitations)
        .values({
          accountId: actor.accountId,
          email: input.email,
          subaccountType: input.subaccountType,
          customMessage: input.customMessage,
          locale: input.locale,
          tokenHash: hashToken(token),
          sentBy: actor.userId,
          sentAt: now,
          lastSentAt: now,
          expiresAt,
          createdAt: now,
        })
        .returning({ id: invitations.id });
      const id = created!.id;
      await tx
        .insert(invitationEvents)
        .values({ invitationId: id, type: "created", actorUserId: actor.userId, createdAt: now });
      await enqueueEmail(tx, {
        to: input.email,
        email,
        template: "invitation",
        idempotencyKey: invitationEmailKey(id, 1),
        invitationId: id,
        // Worth retrying for as long as its link works.
        deadline: expiresAt,
        now,
      });
      return { id, token };
    });
  } catch (error) {
    // Two managers inviting the same address at the same moment: the index decides.
    if (isUniqueViolation(error, ONE_PENDING)) throw duplicate();
    throw error;
  }
}

async function lockOwnInvitation(
  tx: Db,
  actor: Actor,
  id: string,
  permission: "invitations.resend" | "invitations.cancel",
) {
  await lockActor(tx, actor, permission);
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.accountId, actor.accountId)))
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
  input: { actor: Actor; id: string; now: Date; email?: string },
  deps: Pick<InvitationDeps, "appUrl">,
): Promise<{ token: string; email: string }> {
  const { actor, now } = input;
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
      const token = newToken();
      const sendCount = inv.sendCount + 1;
      const email = await renderInvitationEmail({
        locale: inv.locale,
        inviterName: actor.name,
        organization: actor.accountName,
        subaccountType: inv.subaccountType as InvitableType,
        customMessage: inv.customMessage,
        acceptUrl: acceptUrl(deps.appUrl, token),
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
      await supersedeQueuedEmails(tx, inv.id);
      if (corrected)
        await tx.insert(invitationEvents).values({
          invitationId: inv.id,
          type: "address_corrected",
          actorUserId: actor.userId,
          detail: { from: inv.email, to },
          createdAt: now,
        });
      await tx.insert(invitationEvents).values({
        invitationId: inv.id,
        type: "resent",
        actorUserId: actor.userId,
        createdAt: now,
      });
      await enqueueEmail(tx, {
        to,
        email,
        template: "invitation",
        idempotencyKey: invitationEmailKey(inv.id, sendCount),
        invitationId: inv.id,
        deadline: plan.expiresAt,
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
  input: { actor: Actor; id: string; now: Date },
): Promise<void> {
  const { actor, now } = input;
  await db.transaction(async (tx) => {
    const inv = await lockOwnInvitation(tx, actor, input.id, "invitations.cancel");
    const plan = cancelPlan(inv, now);
    await tx
      .update(invitations)
      .set({ ...plan, canceledBy: actor.userId })
      .where(eq(invitations.id, inv.id));
    await supersedeQueuedEmails(tx, inv.id);
    await tx.insert(invitationEvents).values({
      invitationId: inv.id,
      type: "canceled",
      actorUserId: actor.userId,
      createdAt: now,
    });
  });
}

export type TokenView =
  | { state: "invalid" }
  | { state: "canceled" | "expired" | "accepted" | "unavailable" }
  | {
      state: "valid";
      invitation: {
        email: string;
        subaccountType: InvitableType;
        organization: string;
        inviterName: string;
        customMessage: string | null;
        locale: Locale;
        expiresAt: Date;
      };
    };

/** Opening links that lead nowhere, per client address: guessing tokens is slowed to a crawl. */
export const BAD_LINK_LIMIT = { limit: 20, windowSeconds: 3600 };

/**
 * The accept page's view of a link, rate-limited per client address: once an
 * address has opened too many invalid links, it is refused before any lookup.
 */
export async function viewInvitationLink(
  db: Db,
  input: { token: string; ip: string | null; now: Date },
): Promise<TokenView | { state: "rate_limited" }> {
  // Without an address, one shared bucket: never no limit at all.
  const rule = { key: `accept:ip:${input.ip ?? "unknown"}`, ...BAD_LINK_LIMIT };
  if (!(await rateLimit.peek(db, rule, input.now)).allowed) return { state: "rate_limited" };
  const view = await viewInvitationToken(db, input.token, input.now);
  if (view.state === "invalid") await rateLimit.hit(db, rule, input.now);
  return view;
}

/** What the invitee's link leads to. Reading never changes anything: mail scanners open links too. */
export async function viewInvitationToken(db: Db, token: string, now: Date): Promise<TokenView> {
  if (!looksLikeToken(token)) return { state: "invalid" };
  const [row] = await db
    .select({
      inv: invitations,
      organization: accounts.name,
      accountUsable: accountUsableSql(accounts.id),
      inviterName: fullName(users),
    })
    .from(invitations)
    .innerJoin(accounts, eq(accounts.id, invitations.accountId))
    .innerJoin(users, eq(users.id, invitations.sentBy))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return { state: "invalid" };
  const status = displayStatus(row.inv, now);
  if (status !== "pending") return { state: status };
  if (!row.accountUsable) return { state: "unavailable" };
  return {
    state: "valid",
    invitation: {
      email: row.inv.email,
      subaccountType: row.inv.subaccountType as InvitableType,
      organization: row.organization,
      inviterName: row.inviterName,
      customMessage: row.inv.customMessage,
      locale: row.inv.locale,
      expiresAt: row.inv.expiresAt,
    },
  };
}

export type AcceptInput = {
  firstName: string;
  lastName: string;
  phone: string | null;
  jobTitle: string | null;
  legalName: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  orgPhone: string | null;
  username: string;
  password: string;
};

/**
 * Creates the subaccount and its Administrator from an invitation, in one
 * transaction. The invitation is claimed by compare-and-swap, so of any
 * number of concurrent accepts exactly one succeeds; any failure rolls
 * everything back and leaves the invitation usable.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; form: AcceptInput; ip?: string | null; now: Date },
  deps: Pick<InvitationDeps, "appUrl">,
): Promise<{ accountId: string; userId: string; username: string }> {
  const { form, now } = input;
  const tokenHash = looksLikeToken(input.token) ? hashToken(input.token) : null;
  // Every attempt is counted before any lookup or password hash, per link and
  // per address; a success gives the address its attempt back. So a flood of
  // bad links or taken usernames costs no hashing and enumerates nothing.
  const perToken = tokenHash ? limitFor("failedAcceptsPerToken", tokenHash) : null;
  const perAddress = limitFor("failedAcceptsPerAddress", input.ip ?? "unknown");
  let allowed = true;
  for (const rule of perToken ? [perToken, perAddress] : [perAddress])
    allowed = (await rateLimit.hit(db, rule, now)).allowed && allowed;
  if (!allowed) throw new InvitationError("accept_rate_limited");
  if (!tokenHash) throw new InvitationError("invitation_not_acceptable");
  const [invitee] = await db
    .select({ email: invitations.email })
    .from(invitations)
    .where(eq(invitations.tokenHash, tokenHash));
  if (!invitee) throw new InvitationError("invitation_not_acceptable");
  if (
    passwordProblems(form.password, { username: form.username, email: invitee.email }).length > 0
  ) {
    throw new DomainError("weak_password", "password");
  }
  const passwordHash = await hashPassword(form.password);

  try {
    const accepted = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(invitations)
        .set({ status: "accepted", acceptedAt: now })
        .where(
          and(
            eq(invitations.tokenHash, tokenHash),
            eq(invitations.status, "pending"),
            sql`${invitations.expiresAt} > ${now.toISOString()}::timestamptz`,
            // The inviting account, and every account above it, must still be active.
            accountUsableSql(invitations.accountId),
          ),
        )
        .returning();
      if (!claimed) throw new InvitationError("invitation_not_acceptable");

      const [parent] = await tx.select().from(accounts).where(eq(accounts.id, claimed.accountId));
      const type = claimed.subaccountType as InvitableType;
      const [account] = await tx
        .insert(accounts)
        .values({
          ...invitedSubaccountSettings(type, parent!.allowedSubaccountTypes),
          parentId: claimed.accountId,
          name: form.legalName,
          accountManagerId: claimed.sentBy,
          addressLine1: form.addressLine1,
          addressLine2: form.addressLine2,
          city: form.city,
          region: form.region,
          postalCode: form.postalCode,
          country: form.country,
          phone: form.orgPhone,
          contactFirstName: form.firstName,
          contactLastName: form.lastName,
          contactEmail: claimed.email,
          contactPhone: form.phone,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: accounts.id });
      let userId: string;
      try {
        const [user] = await tx
          .insert(users)
          .values({
            accountId: account!.id,
            username: form.username,
            email: claimed.email,
            passwordHash,
            firstName: form.firstName,
            lastName: form.lastName,
            phone: form.phone,
            jobTitle: form.jobTitle,
            role: "administrator",
            locale: claimed.locale,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: users.id });
        userId = user!.id;
      } catch (error) {
        if (isUniqueViolation(error, "users_username_lower_key"))
          throw new InvitationError("username_taken", "username");
        throw error;
      }
      await tx
        .update(invitations)
        .set({ acceptedAccountId: account!.id })
        .where(eq(invitations.id, claimed.id));
      await tx.insert(invitationEvents).values({
        invitationId: claimed.id,
        type: "accepted",
        detail: { accountId: account!.id },
        createdAt: now,
      });

      const welcome = {
        locale: claimed.locale,
        firstName: form.firstName,
        accountName: form.legalName,
        parentName: parent!.name,
        username: form.username,
        signInUrl: `${deps.appUrl}/sign-in`,
      };
      await enqueueEmail(tx, {
        to: claimed.email,
        email: await renderWelcomeEmail({ ...welcome, actionRequired: false }),
        template: "welcome",
        idempotencyKey: `welcome:${userId}`,
        now,
      });
      if (parent!.singleSignOn) {
        await enqueueEmail(tx, {
          to: claimed.email,
          // Signs in with the credentials just chosen, then on to the account's users.
          email: await renderWelcomeEmail({
            ...welcome,
            signInUrl: `${deps.appUrl}/sign-in?returnTo=${encodeURIComponent("/account/users")}`,
            actionRequired: true,
          }),
          template: "welcome-action-required",
          idempotencyKey: `welcome-action-required:${userId}`,
          now,
        });
      }
      return { accountId: account!.id, userId, username: form.username };
    });
    await rateLimit.refund(db, perAddress.key);
    return accepted;
  } catch (error) {
    if (error instanceof DomainError) await recordFailedAccept(db, tokenHash, error.code, now);
    throw error;
  }
}

async function recordFailedAccept(db: Db, tokenHash: string, reason: string, now: Date) {
  const [inv] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(eq(invitations.tokenHash, tokenHash));
  if (inv)
    await db
      .insert(invitationEvents)
      .values({ invitationId: inv.id, type: "accept_failed", detail: { reason }, createdAt: now });
}

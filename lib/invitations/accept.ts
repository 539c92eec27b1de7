import { recordInvitationEvent } from "@/lib/events/record";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import {
  accounts,
  invitationEvents,
  invitationRetiredTokens,
  invitations,
  users,
} from "@/db/schema";
import { accountUsableSql } from "@/lib/accounts/usable";
import { hashPassword } from "@/lib/auth/password";
import { assertStrongPassword } from "@/lib/auth/password-policy";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderWelcomeEmail } from "@/lib/email/render";
import type { InvitableType, Locale } from "@/lib/enums";
import { DomainError } from "@/lib/errors";
import { limitFor } from "@/lib/rate-limit/limits";
import * as rateLimit from "@/lib/rate-limit/service";
import { createInvitedSubaccount } from "@/lib/subaccounts/create";
import { hashToken, looksLikeToken } from "@/lib/tokens";
import { insertUser } from "@/lib/users/create";
import { fullName } from "@/lib/users/names";
import { InvitationError } from "./errors";
import { applyProductTerms, pricesUnderTerms, termsAtAcceptance } from "./terms";
import type { AcceptInput } from "./inputs";
import { displayStatus, stillPendingCondition } from "./status";

/** The invitee's use cases: open the link, accept it. The token is their only credential. */

export type TokenView =
  | { state: "invalid" }
  /** A resend issued a newer link (to this address, or a corrected one). */
  | { state: "replaced" }
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
        /** What the inviter said of the invitee, to start the accept form with. */
        invitee: { firstName: string | null; lastName: string | null; company: string | null };
        /** What the new subaccount will pay, when the inviter shows it (terms' showPrices). */
        prices: Awaited<ReturnType<typeof pricesUnderTerms>> | null;
      };
    };

/**
 * The accept page's view of a link, rate-limited per client address: once an
 * address has opened too many invalid links, it is refused before any lookup.
 * Every look counts before it is made (so guesses in parallel cannot slip past
 * the limit), and a link that leads somewhere gives its count back.
 */
export async function viewInvitationLink(
  db: Db,
  input: { token: string; ip: string | null },
  now: Date,
): Promise<TokenView | { state: "rate_limited" }> {
  // Without an address, one shared bucket: never no limit at all.
  const rule = limitFor("badInvitationLinksPerAddress", input.ip ?? "unknown");
  if (!(await rateLimit.hit(db, rule, now)).allowed) return { state: "rate_limited" };
  const view = await viewInvitationToken(db, input.token, now);
  if (view.state !== "invalid") await rateLimit.refund(db, rule.key);
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
  if (!row) {
    // A link a resend replaced: while its invitation is still open, it says a newer
    // one was sent; once the invitation is closed, it says so like the newest link.
    const [retired] = await db
      .select({ status: invitations.status, expiresAt: invitations.expiresAt })
      .from(invitationRetiredTokens)
      .innerJoin(invitations, eq(invitations.id, invitationRetiredTokens.invitationId))
      .where(eq(invitationRetiredTokens.tokenHash, hashToken(token)));
    if (!retired) return { state: "invalid" };
    const status = displayStatus(retired, now);
    return { state: status === "pending" ? "replaced" : status };
  }
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
      invitee: {
        firstName: row.inv.inviteeFirstName,
        lastName: row.inv.inviteeLastName,
        company: row.inv.inviteeCompany,
      },
      // The parent's prices reach the invitee before accepting only when it says so.
      prices: row.inv.terms?.showPrices
        ? await pricesUnderTerms(db, row.inv.accountId, row.inv.terms)
        : null,
    },
  };
}

/**
 * Creates the subaccount and its Administrator from an invitation, in one
 * transaction. The invitation is claimed by compare-and-swap, so of any
 * number of concurrent accepts exactly one succeeds; any failure rolls
 * everything back and leaves the invitation usable.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; form: AcceptInput; ip?: string | null },
  now: Date,
  deps: { appUrl: string },
): Promise<{ accountId: string; userId: string; username: string }> {
  const { form } = input;
  // The link as its page sees it: an address that opened too many bad links is
  // refused before any lookup, and a bad link counts as one more.
  const link = await viewInvitationLink(db, { token: input.token, ip: input.ip ?? null }, now);
  if (link.state === "rate_limited") throw new InvitationError("accept_rate_limited");
  if (link.state !== "valid") throw new InvitationError("invitation_not_acceptable");
  const tokenHash = hashToken(input.token);
  // Every attempt on a working link is counted before the password hash, per link
  // and per address; a success gives the address its attempt back. So a flood of
  // taken usernames costs no hashing and enumerates nothing.
  const perToken = limitFor("failedAcceptsPerToken", tokenHash);
  const perAddress = limitFor("failedAcceptsPerAddress", input.ip ?? "unknown");
  let allowed = true;
  for (const rule of [perToken, perAddress])
    allowed = (await rateLimit.hit(db, rule, now)).allowed && allowed;
  if (!allowed) throw new InvitationError("accept_rate_limited");
  assertStrongPassword(form.password, { username: form.username, email: link.invitation.email });
  const passwordHash = await hashPassword(form.password);

  try {
    const accepted = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(invitations)
        .set({ status: "accepted", acceptedAt: now })
        .where(
          and(
            eq(invitations.tokenHash, tokenHash),
            stillPendingCondition(now),
            // The inviting account, and every account above it, must still be active.
            accountUsableSql(invitations.accountId),
          ),
        )
        .returning();
      if (!claimed) throw new InvitationError("invitation_not_acceptable");

      const {
        firstName,
        lastName,
        contactPhone,
        jobTitle,
        username,
        password: _,
        ...organization
      } = form;
      const terms = await termsAtAcceptance(tx, claimed.accountId, claimed.terms);
      const account = await createInvitedSubaccount(tx, {
        parentId: claimed.accountId,
        type: claimed.subaccountType as InvitableType,
        organization,
        contact: { firstName, lastName, email: claimed.email, phone: contactPhone },
        // The terms as the claim read them: a change racing the accept comes before or after it.
        terms,
        inviterId: claimed.sentBy,
        now,
      });
      await applyProductTerms(tx, account.id, terms);
      const userId = await insertUser(tx, {
        accountId: account.id,
        username,
        email: claimed.email,
        passwordHash,
        firstName,
        lastName,
        phone: contactPhone,
        jobTitle,
        role: "administrator",
        locale: claimed.locale,
        now,
      });
      await tx
        .update(invitations)
        .set({ acceptedAccountId: account.id })
        .where(eq(invitations.id, claimed.id));
      await tx.insert(invitationEvents).values({
        invitationId: claimed.id,
        type: "accepted",
        detail: { accountId: account.id },
        createdAt: now,
      });
      await recordInvitationEvent(tx, "invitation.accepted", claimed.id, now);

      const welcome = {
        locale: claimed.locale,
        firstName,
        accountName: organization.name,
        parentName: account.parentName,
        username,
        signInUrl: `${deps.appUrl}/sign-in`,
      };
      await enqueueEmail(tx, {
        to: claimed.email,
        email: await renderWelcomeEmail({ ...welcome, actionRequired: false }),
        template: "welcome",
        idempotencyKey: `welcome:${userId}`,
        now,
      });
      if (account.parentSingleSignOn) {
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
      return { accountId: account.id, userId, username };
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

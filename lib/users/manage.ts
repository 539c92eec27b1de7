import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, lockActor } from "@/lib/auth/authorize";
import type { Role, UserStatus } from "@/lib/enums";
import { limitFor } from "@/lib/rate-limit/limits";
import * as rateLimit from "@/lib/rate-limit/service";
import { createUserWithPasswordLink, issuePasswordLink, type NewUser } from "./create";
import { UserError } from "./errors";
import { assertAdministratorRemains } from "./rules";
import { recordActivity } from "@/lib/activity/record";
import { fullName } from "./names";

/** An account's Administrators manage its users: add, change roles, deactivate, resend links. */

/** Adds a user to the actor's own account; they choose their password from the email. */
export async function addUser(
  db: Db,
  actor: Actor,
  input: { user: NewUser },
  now: Date,
  deps: { appUrl: string },
): Promise<{ userId: string; token: string }> {
  authorize(actor, "users.manage");
  const rule = limitFor("usersAddedPerAccount", actor.accountId);
  if (!(await rateLimit.hit(db, rule, now)).allowed) throw new UserError("users_rate_limited");
  return db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "users.manage");
    const added = await createUserWithPasswordLink(
      tx,
      {
        accountId: current.accountId,
        accountName: current.accountName,
        inviterName: current.name,
        user: input.user,
        now,
      },
      deps,
    );
    const { firstName, lastName, role } = input.user;
    await recordActivity(tx, { accountId: current.accountId, actor: current, now }, [
      { kind: "user_added", subject: `${firstName} ${lastName}`.trim(), from: null, to: role },
    ]);
    return added;
  });
}

/** Locks the account's users, so two administrators cannot demote each other at the same moment. */
async function lockMembers(tx: Db, accountId: string) {
  return tx
    .select({ id: users.id, role: users.role, status: users.status, name: fullName(users) })
    .from(users)
    .where(eq(users.accountId, accountId))
    .for("update");
}

async function changeMember(
  db: Db,
  actor: Actor,
  input: { userId: string; change: { role?: Role; status?: UserStatus } },
  now: Date,
) {
  authorize(actor, "users.manage");
  const { userId, change } = input;
  // Users manage others; their own role and status stay as they are, so nobody locks themselves out.
  if (userId === actor.userId) throw new UserError("cannot_change_self");
  await db.transaction(async (tx) => {
    const members = await lockMembers(tx, actor.accountId);
    // The actor's own row is locked with the rest: their role as it is now decides.
    const current = await lockActor(tx, actor, "users.manage");
    const member = members.find((m) => m.id === userId);
    if (!member) throw new UserError("user_not_found");
    assertAdministratorRemains(members, { userId, ...change });
    await tx
      .update(users)
      .set({ ...change, updatedAt: now })
      .where(and(eq(users.id, userId), eq(users.accountId, actor.accountId)));
    await recordActivity(tx, { accountId: current.accountId, actor: current, now }, [
      ...(change.role
        ? [{ kind: "role" as const, subject: member.name, from: member.role, to: change.role }]
        : []),
      ...(change.status
        ? [
            {
              kind: "user_status" as const,
              subject: member.name,
              from: member.status,
              to: change.status,
            },
          ]
        : []),
    ]);
  });
}

export function changeRole(db: Db, actor: Actor, input: { userId: string; role: Role }, now: Date) {
  return changeMember(db, actor, { userId: input.userId, change: { role: input.role } }, now);
}

/** A deactivated user is signed out on their next request and cannot sign in. */
export function setUserStatus(
  db: Db,
  actor: Actor,
  input: { userId: string; status: UserStatus },
  now: Date,
) {
  return changeMember(db, actor, { userId: input.userId, change: { status: input.status } }, now);
}

/** A new set-password link for a user of the actor's account who has not chosen a password yet. */
export async function resendPasswordLink(
  db: Db,
  actor: Actor,
  input: { userId: string },
  now: Date,
  deps: { appUrl: string },
): Promise<{ token: string; email: string }> {
  authorize(actor, "users.manage");
  const rule = limitFor("passwordLinksPerUser", `${actor.accountId}:${input.userId}`);
  if (!(await rateLimit.hit(db, rule, now)).allowed) throw new UserError("link_rate_limited");
  return db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "users.manage");
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, input.userId), eq(users.accountId, current.accountId)))
      .for("update");
    if (!user) throw new UserError("user_not_found");
    if (user.passwordHash) throw new UserError("password_already_set");
    // Its link would lead nowhere: a deactivated user cannot set a password.
    if (user.status !== "active") throw new UserError("user_not_active");
    const token = await issuePasswordLink(
      tx,
      {
        userId: user.id,
        user: { ...user, locale: user.locale ?? "en" },
        accountName: current.accountName,
        inviterName: current.name,
        now,
      },
      deps,
    );
    return { token, email: user.email };
  });
}

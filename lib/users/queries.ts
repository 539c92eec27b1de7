import { and, asc, count, eq, ilike, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { containsPattern, PAGE_SIZE, searchTerm } from "@/lib/lists/keyset";
import { offsetPage, offsetPosition } from "@/lib/lists/offset";
import { fullName } from "./names";
import { USER_DISPLAY_STATUSES, type UserDisplayStatus } from "./rules";

const columns = {
  id: users.id,
  username: users.username,
  name: fullName(users),
  email: users.email,
  role: users.role,
  status: users.status,
  passwordSet: sql<boolean>`${users.passwordHash} is not null`,
  lastSignInAt: users.lastSignInAt,
};

/** The users of one account, for its own administrators. */
export function listAccountUsers(db: Db, accountId: string) {
  return db
    .select(columns)
    .from(users)
    .where(eq(users.accountId, accountId))
    .orderBy(asc(sql`lower(${users.username})`));
}

/** One user of the account, with their settings, or null when they are not the account's. */
export async function getAccountUser(db: Db, accountId: string, id: string) {
  const [row] = await db
    .select({
      ...columns,
      locale: users.locale,
      timeZone: users.timeZone,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(and(eq(users.accountId, accountId), eq(users.id, id)));
  return row ?? null;
}

/** The Users page's URL: a search, a status tab, an order, and the first row shown. */
export const userListParams = z.object({
  q: searchTerm(200),
  status: z.enum(USER_DISPLAY_STATUSES).optional().catch(undefined),
  /** By username (A–Z), or by last sign-in (latest first, never signed in last). */
  sort: z.enum(["username", "lastSignIn"]).catch("username").default("username"),
  ...offsetPosition,
});
export type UserListParams = z.infer<typeof userListParams>;

/** `userDisplayStatus` in SQL: the same three statuses, for filtering and counting. */
function displayStatusCondition(status: UserDisplayStatus): SQL {
  switch (status) {
    case "active":
      return and(eq(users.status, "active"), isNotNull(users.passwordHash))!;
    case "invited":
      return and(eq(users.status, "active"), isNull(users.passwordHash))!;
    case "deactivated":
      return eq(users.status, "deactivated");
  }
}

/** The account's users a search finds, by any part of name, username or email. */
function searchConditions(accountId: string, q: string | undefined): SQL[] {
  const conditions: SQL[] = [eq(users.accountId, accountId)];
  if (q) {
    const pattern = containsPattern(q);
    conditions.push(
      or(
        ilike(users.username, pattern),
        ilike(users.email, pattern),
        sql`${fullName(users)} ilike ${pattern}`,
      )!,
    );
  }
  return conditions;
}

/** How many of the account's users (as searched) show in each status, and in all. */
export async function userCounts(
  db: Db,
  accountId: string,
  params: Pick<UserListParams, "q">,
): Promise<Record<UserDisplayStatus | "all", number>> {
  const countOf = (status: UserDisplayStatus) =>
    sql<number>`count(*) filter (where ${displayStatusCondition(status)})`.mapWith(Number);
  const [row] = await db
    .select({
      all: count(),
      active: countOf("active"),
      invited: countOf("invited"),
      deactivated: countOf("deactivated"),
    })
    .from(users)
    .where(and(...searchConditions(accountId, params.q)));
  return row!;
}

/**
 * One page of the Users page: the account's users as searched, in one status
 * or all, in the chosen order; with the counts of every status tab and where
 * the page stands among them. An account has a few hundred users at most
 * (adding them is rate-limited), so the page is found by row number.
 */
export async function listUsersPage(
  db: Db,
  accountId: string,
  params: UserListParams,
  size = PAGE_SIZE,
) {
  const conditions = searchConditions(accountId, params.q);
  if (params.status) conditions.push(displayStatusCondition(params.status));
  const byUsername = [asc(sql`lower(${users.username})`), asc(users.id)];
  const order =
    params.sort === "lastSignIn"
      ? [sql`${users.lastSignInAt} desc nulls last`, ...byUsername]
      : byUsername;
  return offsetPage(params, await userCounts(db, accountId, params), {
    size,
    rows: ({ limit, offset }) =>
      db
        .select(columns)
        .from(users)
        .where(and(...conditions))
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
  });
}

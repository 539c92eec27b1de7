import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { fullName } from "./names";

/** The users of one account, for its own administrators. */
export function listAccountUsers(db: Db, accountId: string) {
  return db
    .select({
      id: users.id,
      username: users.username,
      name: fullName(users),
      email: users.email,
      role: users.role,
      status: users.status,
      passwordSet: sql<boolean>`${users.passwordHash} is not null`,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(eq(users.accountId, accountId))
    .orderBy(asc(sql`lower(${users.username})`));
}

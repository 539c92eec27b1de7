import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { accountUsableSql } from "@/lib/accounts/usable";
import { DomainError } from "@/lib/errors";
import type { Actor } from "./actor";
import { can, isReadPermission, type Permission } from "./permissions";

/**
 * The first line of every use case: refuses an actor whose role lacks the
 * permission, before anything is read, counted or written. Whatever the front
 * door (a form, an API call, a job), the rule is checked here.
 */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new DomainError("forbidden");
  // A read-only key acts with its creator's role, but only where nothing changes.
  if (actor.apiKey?.scope === "read" && !isReadPermission(permission))
    throw new DomainError("forbidden");
}

/**
 * Re-reads the actor's role inside the caller's transaction, under a lock on
 * their user row that a demotion or deactivation must wait for. A request that
 * began before the actor lost a right therefore cannot finish with it: the
 * write that follows uses the returned actor, never the one the request began with.
 */
export async function lockActor(tx: Db, actor: Actor, permission?: Permission): Promise<Actor> {
  const [row] = await tx
    .select({ role: users.role, status: users.status, usable: accountUsableSql(users.accountId) })
    .from(users)
    .where(eq(users.id, actor.userId))
    .for("share", { of: users });
  if (!row || row.status !== "active" || !row.usable) throw new DomainError("forbidden");
  const current = { ...actor, role: row.role };
  if (permission) authorize(current, permission);
  return current;
}

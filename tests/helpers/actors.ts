import type { Db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/sign-in";
import { type Role } from "@/lib/enums";
import { makeAccount, makeUser } from "./fixtures";

/** A signed-in actor as the app would see them, backed by real rows. */
export async function makeActor(
  db: Db,
  options: { role?: Role; accountName?: string; parentId?: string } = {},
): Promise<Actor> {
  const account = await makeAccount(db, {
    name: options.accountName ?? "Northwind",
    parentId: options.parentId,
  });
  const user = await makeUser(db, account.id, { role: options.role ?? "administrator" });
  return (await loadActor(db, user.id))!;
}

export async function actorInAccount(
  db: Db,
  accountId: string,
  role: Role = "administrator",
): Promise<Actor> {
  const user = await makeUser(db, accountId, { role });
  return (await loadActor(db, user.id))!;
}

import type { Db } from "@/db";
import { accounts, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";

export const PASSWORD = "Sturdy-Passw0rd!";
let passwordHash: Promise<string> | undefined;

type AccountType = "enterprise" | "reseller" | "retail" | "managed";

export async function makeAccount(
  db: Db,
  values: {
    name?: string;
    type?: AccountType;
    parentId?: string | null;
    allowedSubaccountTypes?: AccountType[];
  } = {},
) {
  const [account] = await db
    .insert(accounts)
    .values({
      name: values.name ?? "Acme Certificates",
      type: values.type ?? "reseller",
      parentId: values.parentId ?? null,
      createdVia: values.parentId ? "manual" : "setup",
      allowedSubaccountTypes: values.allowedSubaccountTypes ?? [
        "enterprise",
        "reseller",
        "retail",
        "managed",
      ],
    })
    .returning();
  return account!;
}

let counter = 0;

export async function makeUser(
  db: Db,
  accountId: string,
  values: { role?: Role; username?: string; email?: string } = {},
) {
  passwordHash ??= hashPassword(PASSWORD);
  counter++;
  const [user] = await db
    .insert(users)
    .values({
      accountId,
      username: values.username ?? `user${counter}`,
      email: values.email ?? `user${counter}@example.com`,
      passwordHash: await passwordHash,
      firstName: "Test",
      lastName: `User ${counter}`,
      role: values.role ?? "administrator",
    })
    .returning();
  return user!;
}

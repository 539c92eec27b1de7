import type { Db } from "@/db";
import { accounts, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { AccountType, Role } from "@/lib/enums";

export const PASSWORD = "Sturdy-Passw0rd!";
let passwordHash: Promise<string> | undefined;

/** What the use cases that send email take beside the database: the address links point to. */
export const APP_DEPS = { appUrl: "https://portal.example" };

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

/** Organization and contact details, as the subaccount forms give them. */
export const organization = {
  name: "Globex",
  addressLine1: "1 Globex Way",
  addressLine2: null,
  city: "Cypress Creek",
  region: null,
  postalCode: "90210",
  country: "US",
  phone: null,
  contactFirstName: "Hank",
  contactLastName: "Scorpio",
  contactEmail: "hank@globex.example",
  contactPhone: null,
};

/** The same organization as a form submits it: the optional fields left empty. */
export const organizationForm = Object.fromEntries(
  Object.entries(organization).filter((entry): entry is [string, string] => entry[1] !== null),
);

/** What an invitee fills in to accept, with the username of the test's choosing. */
export const acceptForm = (username: string) => ({
  firstName: "Ann",
  lastName: "Example",
  contactPhone: null,
  jobTitle: null,
  name: "Example Ltd",
  addressLine1: "1 Side Street",
  addressLine2: null,
  city: "Springfield",
  region: null,
  postalCode: "12345",
  country: "US",
  phone: null,
  username,
  password: "Example-Passw0rd!",
});

/** A user an Administrator adds to their account. */
export const newUser = {
  username: "erin",
  email: "erin@contoso.example",
  firstName: "Erin",
  lastName: "Example",
  role: "user" as const,
  locale: "en" as const,
};

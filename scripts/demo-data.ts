import { randomBytes } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { loadActor } from "@/lib/auth/sign-in";
import { acceptInvitation } from "@/lib/invitations/accept";
import { cancelInvitation, createInvitation } from "@/lib/invitations/send";
import type { AcceptInput } from "@/lib/invitations/inputs";
import { createSubaccount } from "@/lib/subaccounts/create";
import { insertUser } from "@/lib/users/create";
import type { InvitableType } from "@/lib/enums";

const DEMO_USERS = [
  { username: "demo.admin", role: "administrator", firstName: "Ada", lastName: "Admin" },
  { username: "demo.manager", role: "manager", firstName: "Max", lastName: "Manager" },
] as const;

const DAY = 24 * 3600 * 1000;

/** A password that satisfies the policy, new on every run. */
function demoPassword() {
  return `Demo-${randomBytes(9).toString("base64url")}-7a`;
}

function acceptForm(name: string, username: string, password: string): AcceptInput {
  return {
    firstName: "Demo",
    lastName: name.split(" ")[0]!,
    contactPhone: null,
    jobTitle: "IT administrator",
    name,
    addressLine1: "1 Demo Street",
    addressLine2: null,
    city: "Springfield",
    region: null,
    postalCode: "12345",
    country: "United States",
    phone: null,
    username,
    password,
  };
}

/**
 * Demo data: a partner account with an administrator and a manager,
 * subaccounts of each type and invitations in every status. Safe to run
 * twice: the data is made once; each run sets new passwords and returns them.
 */
export async function seedDemo(db: Db, now: Date = new Date()) {
  const credentials: { username: string; role: string; password: string }[] = DEMO_USERS.map(
    (u) => ({
      username: u.username,
      role: u.role,
      password: demoPassword(),
    }),
  );
  const existing = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, "demo.admin"));
  const created = existing.length === 0;
  const appUrl = "http://localhost:3000";

  if (created) {
    const [partner] = await db
      .insert(accounts)
      .values({
        name: "Northwind Demo Partner",
        type: "reseller",
        createdVia: "setup",
        allowedSubaccountTypes: ["enterprise", "reseller", "retail", "managed"],
        city: "Seattle",
        country: "United States",
      })
      .returning({ id: accounts.id });
    // Their passwords are set below, fresh on every run.
    const placeholder = await hashPassword(demoPassword());
    let adminId = "";
    for (const u of DEMO_USERS) {
      const id = await insertUser(db, {
        accountId: partner!.id,
        username: u.username,
        email: `${u.username}@northwind.example`,
        passwordHash: placeholder,
        firstName: u.firstName,
        lastName: u.lastName,
        role: u.role,
        locale: "en",
        now,
      });
      if (u.role === "administrator") adminId = id;
    }
    const actor = (await loadActor(db, adminId)) as Actor;
    const deps = { appUrl, invitationsPerHour: 1000 };
    const invite = (email: string, type: InvitableType, at: Date, message: string | null = null) =>
      createInvitation(
        db,
        actor,
        { email, subaccountType: type, customMessage: message, locale: "en" },
        at,
        deps,
      );

    // Accepted invitations, one per invitable type: each becomes a subaccount.
    for (const [type, name] of [
      ["enterprise", "Contoso Enterprise"],
      ["reseller", "Fabrikam Resellers"],
      ["retail", "Tailspin Retail"],
    ] as const) {
      const sentAt = new Date(now.getTime() - 20 * DAY);
      const { token } = await invite(`admin@${type}.example`, type, sentAt);
      await acceptInvitation(
        db,
        {
          token,
          form: acceptForm(name, `demo.${type}`, demoPassword()),
        },
        new Date(sentAt.getTime() + DAY),
        { appUrl },
      );
    }
    // A managed (API-only) subaccount is created by the parent, never by invitation.
    await createSubaccount(
      db,
      actor,
      {
        subaccount: {
          name: "Woodgrove API Integration",
          addressLine1: "4 Integration Way",
          addressLine2: null,
          city: "Redmond",
          region: null,
          postalCode: "98052",
          country: "United States",
          phone: null,
          contactFirstName: "Ada",
          contactLastName: "Admin",
          contactEmail: "demo.admin@northwind.example",
          contactPhone: null,
          type: "managed",
          billing: "bill_to_parent",
          pricing: "standard",
          allowedSubaccountTypes: [],
          nickname: null,
          administrator: null,
        },
      },
      new Date(now.getTime() - 15 * DAY),
      { appUrl },
    );
    await invite(
      "pending.one@example.com",
      "enterprise",
      new Date(now.getTime() - 2 * DAY),
      "Welcome to our partner programme.",
    );
    await invite("pending.two@example.com", "retail", new Date(now.getTime() - 5 * DAY));
    await invite("expired@example.com", "retail", new Date(now.getTime() - 45 * DAY));
    const canceled = await invite(
      "canceled@example.com",
      "reseller",
      new Date(now.getTime() - 10 * DAY),
    );
    await cancelInvitation(db, actor, { id: canceled.id }, new Date(now.getTime() - 9 * DAY));
  }

  for (const c of credentials) {
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(c.password), status: "active" })
      .where(eq(users.username, c.username));
  }
  const subaccountAdmins = await db
    .select({ username: users.username })
    .from(users)
    .where(inArray(users.username, ["demo.enterprise", "demo.reseller", "demo.retail"]));
  for (const { username } of subaccountAdmins) {
    const password = demoPassword();
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.username, username));
    credentials.push({ username, role: "administrator", password });
  }
  return { created, credentials };
}

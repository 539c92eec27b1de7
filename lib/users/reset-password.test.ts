import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox, users } from "@/db/schema";
import { authenticate } from "@/lib/auth/sign-in";
import { LIMITS } from "@/lib/rate-limit/limits";
import { addUser } from "@/lib/users/manage";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import {
  APP_DEPS as deps,
  makeAccount,
  makeUser,
  newUser,
  PASSWORD,
} from "@/tests/helpers/fixtures";
import { requestPasswordReset } from "./reset-password";
import { setPasswordWithToken } from "./set-password";

const t = setupTestDb();
const now = new Date("2026-06-01T08:00:00Z");
const resets = () =>
  t.db.select().from(emailOutbox).where(eq(emailOutbox.template, "reset-password"));
const linkIn = (text: string) => /\/set-password\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

describe("forgot password", () => {
  it("emails a one-hour link to the user of that username, which sets a new password once", async () => {
    const account = await makeAccount(t.db);
    const user = await makeUser(t.db, account.id, { username: "Nora" });
    expect(
      await requestPasswordReset(t.db, { username: " NORA ", ip: "10.0.0.1" }, now, deps),
    ).toBe(true);
    const [mail] = await resets();
    expect(mail).toMatchObject({ toAddress: user.email, status: "pending" });
    expect(mail!.deadlineAt).toEqual(new Date(now.getTime() + 3600_000));
    const token = linkIn(mail!.text)!;
    await setPasswordWithToken(t.db, { token, password: "Brand-New-Passw0rd!" }, now);
    expect(
      (await authenticate(t.db, { username: "nora", password: PASSWORD, ip: "10.0.0.2", now })).ok,
    ).toBe(false);
    expect(
      (
        await authenticate(t.db, {
          username: "nora",
          password: "Brand-New-Passw0rd!",
          ip: "10.0.0.2",
          now,
        })
      ).ok,
    ).toBe(true);
    // Used once: the same link does not work again.
    await expect(
      setPasswordWithToken(t.db, { token, password: "Other-New-Passw0rd!" }, now),
    ).rejects.toMatchObject({ code: "set_password_link_invalid" });
  });

  it("sends nothing for an unknown username or a deactivated user", async () => {
    const account = await makeAccount(t.db);
    const user = await makeUser(t.db, account.id, { username: "gone" });
    await t.db.update(users).set({ status: "deactivated" }).where(eq(users.id, user.id));
    expect(await requestPasswordReset(t.db, { username: "gone", ip: "10.0.0.1" }, now, deps)).toBe(
      false,
    );
    expect(
      await requestPasswordReset(t.db, { username: "nobody", ip: "10.0.0.1" }, now, deps),
    ).toBe(false);
    expect(await resets()).toEqual([]);
  });

  it("limits requests per username, from any address", async () => {
    const account = await makeAccount(t.db);
    await makeUser(t.db, account.id, { username: "pat" });
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push(
        await requestPasswordReset(t.db, { username: "pat", ip: `10.0.1.${i}` }, now, deps),
      );
    expect(results).toEqual([true, true, true, false]);
    // Three links went out; the fourth request sent nothing.
    const open = await t.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.template, "reset-password"), eq(emailOutbox.status, "pending")));
    expect(open).toHaveLength(3);
  });

  it("limits requests per address, counting names that do not exist", async () => {
    const account = await makeAccount(t.db);
    await makeUser(t.db, account.id, { username: "quinn" });
    for (let i = 0; i < 10; i++)
      await requestPasswordReset(t.db, { username: `nobody${i}`, ip: "10.0.2.1" }, now, deps);
    expect(await requestPasswordReset(t.db, { username: "quinn", ip: "10.0.2.1" }, now, deps)).toBe(
      false,
    );
    expect(await requestPasswordReset(t.db, { username: "quinn", ip: "10.0.2.2" }, now, deps)).toBe(
      true,
    );
  });
});

describe("forgot password and the other links of a user", () => {
  it("counts against the user's daily limit of reset links, apart from the Administrator's", async () => {
    const account = await makeAccount(t.db);
    await makeUser(t.db, account.id, { username: "many" });
    const sent: boolean[] = [];
    // From different addresses, hours apart: only the per-user limit is left to stop it.
    for (let i = 0; i < 8; i++)
      sent.push(
        await requestPasswordReset(
          t.db,
          { username: "many", ip: `10.0.1.${i}` },
          new Date(now.getTime() + i * 3600_000 + 1),
          deps,
        ),
      );
    expect(sent.filter(Boolean)).toHaveLength(LIMITS.passwordResetLinksPerUser.limit);
  });

  it("leaves a link an Administrator sent working", async () => {
    const admin = await makeActor(t.db);
    await addUser(t.db, admin, { user: newUser }, now, deps);
    const [setMail] = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.template, "set-password"));
    await requestPasswordReset(t.db, { username: newUser.username, ip: "10.0.2.1" }, now, deps);
    const token = linkIn(setMail!.text)!;
    await setPasswordWithToken(t.db, { token, password: "Brand-New-Passw0rd!" }, now);
  });
});

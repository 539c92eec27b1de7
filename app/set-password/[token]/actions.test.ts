import { CredentialsSignin } from "@auth/core/errors";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { accounts } from "@/db/schema";
import { authenticate, SIGN_IN_LIMITS } from "@/lib/auth/sign-in";
import { hit } from "@/lib/rate-limit/service";
import { addUser } from "@/lib/users/manage";
import { makeActor } from "@/tests/helpers/actors";
import { makeAccount } from "@/tests/helpers/fixtures";
import { setupTestDb } from "@/tests/helpers/db";
import { formData, actionRequest } from "@/tests/helpers/request";

const t = setupTestDb();
const IP = "203.0.113.9";
actionRequest(t, new Date(), IP);
// Signs in as Auth.js's credentials provider does (lib/auth/config.ts): the real check.
vi.mock("@/lib/auth/next-auth", () => ({
  signIn: async (_provider: string, options: { username: string; password: string }) => {
    const result = await authenticate(t.db, { ...options, ip: IP, now: new Date() });
    if (!result.ok) throw new CredentialsSignin();
    throw Object.assign(new Error("NEXT_REDIRECT"), { to: "/" });
  },
}));

const { setPasswordAction } = await import("./actions");
const PASSWORD = "Chosen-Passw0rd!";

async function linkFor(parentId?: string) {
  const actor = await makeActor(t.db, { parentId });
  const { token } = await addUser(
    t.db,
    actor,
    {
      user: {
        username: `new${Math.random().toString(36).slice(2, 8)}`,
        email: "new@example.com",
        firstName: "N",
        lastName: "U",
        role: "user",
        locale: "en",
      },
    },
    new Date(),
    { appUrl: "http://localhost:3000" },
  );
  return { token, actor };
}

function submit(token: string) {
  const fd = formData({ token, password: PASSWORD, confirmPassword: PASSWORD });
  return setPasswordAction(undefined, fd).then(
    () => "no redirect",
    (error: { to?: string }) => error.to,
  );
}

describe("after choosing a password", () => {
  it("signs the user straight in", async () => {
    const { token } = await linkFor();
    expect(await submit(token)).toBe("/");
  });

  it("asks them to sign in when the automatic sign-in is refused by a rate limit", async () => {
    const { token } = await linkFor();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.limit; i++)
      await hit(t.db, { key: `signin:ip:${IP}`, ...SIGN_IN_LIMITS.perAddress }, new Date());
    expect(await submit(token)).toBe("/sign-in?ready=1");
  });

  it("asks them to sign in when their account was deactivated meanwhile", async () => {
    const parent = await makeAccount(t.db);
    const { token, actor } = await linkFor(parent.id);
    await t.db
      .update(accounts)
      .set({ status: "deactivated" })
      .where(eq(accounts.id, actor.accountId));
    expect(await submit(token)).toBe("/sign-in?ready=1");
  });
});

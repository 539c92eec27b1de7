import { randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, setupCodes } from "@/db/schema";
import { type Env, isLoopbackUrl } from "@/lib/env";
import { hashToken } from "@/lib/tokens";

export const SETUP_CODE_TTL_HOURS = 24;
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/**
 * On a public host (and in any production) whoever reached /setup first would
 * own the instance: there it also asks for a one-time code that only the
 * server's log shows.
 */
export function setupCodeRequired(e: Pick<Env, "APP_URL" | "NODE_ENV">): boolean {
  return e.NODE_ENV === "production" || !isLoopbackUrl(e.APP_URL);
}

/** First run: open until the first account exists. */
export async function isSetupOpen(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).limit(1);
  return !row;
}

/** Upper case, no spaces or dashes: how the code is compared, however it was typed. */
function normalize(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, "");
}

/**
 * A new code (100 random bits, in five groups of four letters and digits) for
 * the log at start, while setup is open; only its hash is kept. Every instance
 * that starts issues its own, and any unexpired one works.
 */
export async function issueSetupCode(db: Db, now: Date): Promise<string | null> {
  if (!(await isSetupOpen(db))) return null;
  const bytes = randomBytes(20);
  const code = Array.from(bytes, (b) => BASE32[b % 32]).join("");
  await db.insert(setupCodes).values({
    codeHash: hashToken(code),
    expiresAt: new Date(now.getTime() + SETUP_CODE_TTL_HOURS * 3600 * 1000),
    createdAt: now,
  });
  return code.match(/.{4}/g)!.join("-");
}

/** Whether `code` is one of the unexpired codes; used inside the setup transaction. */
export async function isValidSetupCode(db: Db, code: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: setupCodes.id })
    .from(setupCodes)
    .where(and(eq(setupCodes.codeHash, hashToken(normalize(code))), gt(setupCodes.expiresAt, now)));
  return !!row;
}

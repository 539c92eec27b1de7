import { createHash } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db";
import { apiIdempotency } from "@/db/schema";

/** How long an answer is kept for a retry with the same Idempotency-Key. */
export const IDEMPOTENCY_WINDOW_HOURS = 24;
const WINDOW_MS = IDEMPOTENCY_WINDOW_HOURS * 3600 * 1000;
export const IDEMPOTENCY_KEY_MAX = 255;

export type StoredAnswer = {
  status: number;
  body: string;
  location: string | null;
  /** Set for an answer that is not JSON. */
  contentType?: string;
};

export type Claim =
  | { kind: "new" }
  | { kind: "replay"; answer: StoredAnswer }
  | { kind: "reused" }
  | { kind: "in_progress" };

/**
 * What makes two requests the same: the method, the path with its query (a dry
 * run and the real request differ only there) and the body.
 */
export function requestHash(method: string, url: URL, body: string): string {
  return createHash("sha256")
    .update(`${method} ${url.pathname}${url.search}\n${body}`, "utf8")
    .digest("hex");
}

/**
 * Claims a key for this request, or says what became of the first request with
 * it. The insert decides: of two requests at once, one inserts and runs, the
 * other finds the row (in progress, or answered).
 */
export async function claimIdempotencyKey(
  db: Db,
  input: { accountId: string; key: string; hash: string; now: Date },
): Promise<Claim> {
  const mine = and(
    eq(apiIdempotency.accountId, input.accountId),
    eq(apiIdempotency.key, input.key),
  );
  // An answer past its window no longer counts: the key starts afresh.
  await db
    .delete(apiIdempotency)
    .where(and(mine, lt(apiIdempotency.createdAt, new Date(input.now.getTime() - WINDOW_MS))));
  const inserted = await db
    .insert(apiIdempotency)
    .values({
      accountId: input.accountId,
      key: input.key,
      requestHash: input.hash,
      createdAt: input.now,
    })
    .onConflictDoNothing()
    .returning({ key: apiIdempotency.key });
  if (inserted.length > 0) return { kind: "new" };
  const [row] = await db.select().from(apiIdempotency).where(mine);
  // Gone between the two statements (released by a failed first attempt): try as new once more.
  if (!row) return claimIdempotencyKey(db, input);
  if (row.requestHash !== input.hash) return { kind: "reused" };
  if (row.responseStatus === null || row.responseBody === null) return { kind: "in_progress" };
  return {
    kind: "replay",
    answer: { status: row.responseStatus, body: row.responseBody, location: row.responseLocation },
  };
}

/** Keeps the answer for retries. */
export async function completeIdempotencyKey(
  db: Db,
  input: { accountId: string; key: string; answer: StoredAnswer },
) {
  await db
    .update(apiIdempotency)
    .set({
      responseStatus: input.answer.status,
      responseBody: input.answer.body,
      responseLocation: input.answer.location,
    })
    .where(and(eq(apiIdempotency.accountId, input.accountId), eq(apiIdempotency.key, input.key)));
}

/** A request that failed unexpectedly changed nothing: its key may be used again at once. */
export async function releaseIdempotencyKey(db: Db, input: { accountId: string; key: string }) {
  await db
    .delete(apiIdempotency)
    .where(and(eq(apiIdempotency.accountId, input.accountId), eq(apiIdempotency.key, input.key)));
}

/** Drops answers past their window, and requests a crashed instance never finished (periodic work). */
export async function pruneIdempotencyKeys(db: Db, now: Date) {
  await db
    .delete(apiIdempotency)
    .where(lt(apiIdempotency.createdAt, new Date(now.getTime() - WINDOW_MS)));
}

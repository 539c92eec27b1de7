import { Resend } from "resend";
import type { Db } from "@/db";
import { devMailbox } from "@/db/schema";
import { env } from "@/lib/env";

export type OutgoingEmail = {
  from: string;
  replyTo?: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  idempotencyKey: string;
};

/** What became of one provider request carrying a batch of messages. */
export type BatchOutcome =
  /** Accepted; each message either has its provider id or was refused for good (a bad address). */
  | {
      kind: "accepted";
      results: ({ ok: true; providerMessageId: string | null } | { ok: false; reason: string })[];
    }
  /** Too many requests (429): nothing was sent; wait at least `retryAfterMs`. */
  | { kind: "rate_limited"; retryAfterMs: number | null }
  /** The same idempotency key is still being processed (409): the outcome is on its way. */
  | { kind: "in_flight" }
  /** A configuration fault (401/403): retrying cannot help until someone fixes it. */
  | { kind: "paused"; reason: string }
  /** A network error, a timeout or a 5xx: the outcome is unknown; retry with the same key. */
  | { kind: "transient"; reason: string }
  /** The whole request was refused (another 4xx, such as an invalid sender): a configuration fault. */
  | { kind: "rejected"; reason: string };

export interface EmailTransport {
  readonly name: string;
  /** The most messages one request may carry. */
  readonly maxBatch: number;
  sendBatch(
    emails: OutgoingEmail[],
    options: { idempotencyKey: string; timeoutMs: number },
  ): Promise<BatchOutcome>;
}

function retryAfterMs(headers: Record<string, string> | null): number | null {
  const value = headers?.["retry-after"];
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/**
 * Resend's batch endpoint through the real SDK (which reads RESEND_BASE_URL, so
 * tests point it at a local server): up to 100 messages a request, one
 * idempotency key per request, and permissive validation so that one refused
 * address does not hold back the rest.
 */
export function resendTransport(apiKey: string): EmailTransport {
  const client = new Resend(apiKey);
  return {
    name: "resend",
    maxBatch: 100,
    async sendBatch(emails, options) {
      const { data, error, headers } = await client.batch.send(
        emails.map((e) => ({
          from: e.from,
          replyTo: e.replyTo,
          to: e.to,
          subject: e.subject,
          html: e.html,
          text: e.text,
        })),
        {
          idempotencyKey: options.idempotencyKey,
          batchValidation: "permissive",
          signal: AbortSignal.timeout(options.timeoutMs),
        },
      );
      if (error) {
        const status = (error as { statusCode?: number | null }).statusCode ?? 0;
        const reason = `${error.name}: ${error.message}`.slice(0, 500);
        if (status === 429) return { kind: "rate_limited", retryAfterMs: retryAfterMs(headers) };
        if (status === 409 && /concurrent/i.test(error.name)) return { kind: "in_flight" };
        if (status === 401 || status === 403) return { kind: "paused", reason };
        if (status === 0 || status >= 500 || status === 408 || status === 409)
          return { kind: "transient", reason };
        return { kind: "rejected", reason };
      }
      const refused = new Map(
        ((data as { errors?: { index: number; message: string }[] }).errors ?? []).map((e) => [
          e.index,
          e.message,
        ]),
      );
      const ids = data?.data ?? [];
      let next = 0;
      return {
        kind: "accepted",
        results: emails.map((_, index) => {
          const reason = refused.get(index);
          if (reason !== undefined) return { ok: false as const, reason: reason.slice(0, 500) };
          return { ok: true as const, providerMessageId: ids[next++]?.id ?? null };
        }),
      };
    },
  };
}

/** Keeps each message in the database, shown at /dev/mailbox. Never used in production. */
export function devMailboxTransport(db: Db, now: () => Date = () => new Date()): EmailTransport {
  return {
    name: "dev-mailbox",
    maxBatch: 100,
    async sendBatch(emails) {
      const rows = await db
        .insert(devMailbox)
        .values(
          emails.map((email) => ({
            fromAddress: email.from,
            toAddress: email.to,
            subject: email.subject,
            html: email.html,
            text: email.text,
            createdAt: now(),
          })),
        )
        .returning({ id: devMailbox.id });
      return {
        kind: "accepted",
        results: rows.map((row) => ({ ok: true as const, providerMessageId: row.id })),
      };
    },
  };
}

/** The configured transport, or null: then delivery pauses until one is configured. */
export function transportFromEnv(db: Db): EmailTransport | null {
  const e = env();
  if (e.RESEND_API_KEY) return resendTransport(e.RESEND_API_KEY);
  if (e.devMailbox) return devMailboxTransport(db);
  return null;
}

export const NO_TRANSPORT_REASON =
  "No email transport is configured: set RESEND_API_KEY (the development mailbox works only on a loopback APP_URL outside production).";

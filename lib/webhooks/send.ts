import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { type DestinationRules, DestinationRefused, resolveDestination } from "./destination";
import { signatureHeaders } from "./signing";

/**
 * One delivery attempt of one event to one endpoint: the name resolved and
 * checked, the connection made to that checked address (TLS still verified
 * against the name), no redirect followed, at most 64 KiB of the answer read
 * and its first KiB kept, all within the timeout.
 */

export const ANSWER_READ_MAX = 64 * 1024;
export const ANSWER_KEPT_MAX = 1024;
export const ATTEMPT_TIMEOUT_MS = 10_000;

export type Attempt =
  | {
      kind: "answered";
      status: number;
      durationMs: number;
      /** The first KiB of the answer, as text. */
      excerpt: string;
      /** Seconds a 429 or 503 asked to wait (`Retry-After`), if it said. */
      retryAfterSeconds: number | null;
    }
  | { kind: "failed"; reason: string; durationMs: number }
  | { kind: "refused"; reason: DestinationRefused["reason"]; address?: string; durationMs: number };

export type Delivery = {
  url: string;
  secrets: string[];
  /** The event's id: the same on every attempt. */
  id: string;
  /** This attempt's moment: each retry is signed anew. */
  sentAt: Date;
  body: string;
};

/** Whether to try again later: a network error or timeout, 408, 409, 429 or a 5xx; never a refusal. */
export function retryable(attempt: Attempt): boolean {
  if (attempt.kind === "failed") return true;
  if (attempt.kind === "refused") return attempt.reason === "unresolvable";
  const { status } = attempt;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The kept answer as text that can be stored and shown: no NUL (which
 * PostgreSQL's text refuses) nor other control characters but tab and newline.
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : "request failed";
}

export function succeeded(attempt: Attempt): boolean {
  return attempt.kind === "answered" && attempt.status >= 200 && attempt.status < 300;
}

function retryAfter(value: string | undefined, now: number): number | null {
  if (!value) return null;
  // At most a day: a receiver does not park its deliveries for longer than that.
  const day = 24 * 3600;
  if (/^\d+$/.test(value.trim())) return Math.min(Number(value.trim()), day);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.min(day, Math.max(0, Math.ceil((at - now) / 1000)));
}

/** A resolver for the socket that answers the checked address, whatever the name says by then. */
export function pinnedLookup(target: { address: string; family: 4 | 6 }): LookupFunction {
  return (_host, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

export async function sendWebhook(
  delivery: Delivery,
  rules: DestinationRules & { timeoutMs?: number },
): Promise<Attempt> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeoutMs = rules.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  // One deadline for the whole attempt, the name's resolution included.
  const signal = AbortSignal.timeout(timeoutMs);
  let url: URL;
  let target: { address: string; family: 4 | 6 };
  try {
    url = new URL(delivery.url);
    target = await Promise.race([
      resolveDestination(url, rules),
      new Promise<never>((_resolve, reject) =>
        signal.addEventListener("abort", () => reject(new DestinationRefused("unresolvable")), {
          once: true,
        }),
      ),
    ]);
  } catch (error) {
    if (error instanceof DestinationRefused)
      return {
        kind: "refused",
        reason: error.reason,
        address: error.address,
        durationMs: elapsed(),
      };
    if (error instanceof TypeError)
      return { kind: "refused", reason: "invalid_url", durationMs: elapsed() };
    throw error;
  }
  const lookup = pinnedLookup(target);
  const client = url.protocol === "https:" ? https : http;
  // Signed as sent: a receiver refuses a signature more than five minutes old.
  const signature = signatureHeaders(delivery.secrets, { ...delivery, timestamp: delivery.sentAt });
  return new Promise<Attempt>((resolve) => {
    let settled = false;
    let responded = false;
    // Set once the request exists; a failure to make it has no deadline to clear.
    const deadline: { timer?: NodeJS.Timeout } = {};
    const finish = (attempt: Attempt) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline.timer);
      resolve(attempt);
    };
    let request: http.ClientRequest;
    try {
      request = client.request(
        url,
        {
          method: "POST",
          agent: false,
          lookup,
          signal,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(delivery.body),
            "user-agent": "CertPortal-Webhooks/1",
            ...signature,
          },
        },
        (response) => {
          responded = true;
          const kept: Buffer[] = [];
          let read = 0;
          const answered = () =>
            finish({
              kind: "answered",
              status: response.statusCode ?? 0,
              durationMs: elapsed(),
              excerpt: printable(Buffer.concat(kept).subarray(0, ANSWER_KEPT_MAX).toString("utf8")),
              retryAfterSeconds: retryAfter(
                response.headers["retry-after"]?.toString(),
                Date.now(),
              ),
            });
          response.on("data", (chunk: Buffer) => {
            if (read < ANSWER_KEPT_MAX) kept.push(chunk);
            read += chunk.length;
            // Enough: the status is known, and no receiver makes us read a flood.
            if (read >= ANSWER_READ_MAX) {
              answered();
              response.destroy();
            }
          });
          response.on("end", answered);
          response.on("close", answered);
          response.on("error", answered);
        },
      );
    } catch (error) {
      finish({ kind: "failed", reason: describeFailure(error), durationMs: elapsed() });
      return;
    }
    // A backstop beside the signal: an answer that never becomes one (101, say) ends too.
    deadline.timer = setTimeout(() => {
      request.destroy();
      finish({ kind: "failed", reason: "timeout", durationMs: elapsed() });
    }, timeoutMs + 100);
    // No protocol but HTTP: an offer to switch is an answer that is not one.
    request.on("upgrade", (_response, socket) => socket.destroy());
    request.on("close", () => {
      if (!responded) finish({ kind: "failed", reason: "no_answer", durationMs: elapsed() });
    });
    request.on("error", (error: NodeJS.ErrnoException) =>
      finish({
        kind: "failed",
        reason:
          error.name === "AbortError" || error.name === "TimeoutError"
            ? "timeout"
            : (error.code ?? error.message),
        durationMs: elapsed(),
      }),
    );
    request.end(delivery.body);
  });
}

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

class PayloadMismatch extends Error {}

export type ProviderRequest = {
  at: number;
  idempotencyKey: string | null;
  authorization: string | undefined;
  emails: { to: string; subject: string }[];
};

type Answer =
  | { status: 200 }
  | { status: number; body?: object; headers?: Record<string, string> }
  | { hang: true };

/**
 * A stand-in for Resend's batch endpoint over HTTP, for the real SDK to talk to.
 * `answer` decides each response (a fault, a hang, a success); accepted emails
 * are kept once per idempotency key, as the real provider does.
 */
export function fakeProvider(
  clock: () => number = Date.now,
  /** Like Resend: more requests than this in any second are answered 429. */
  limitPerSecond = Infinity,
) {
  const requests: ProviderRequest[] = [];
  const delivered = new Map<string, { to: string; subject: string }[]>();
  const refused = new Set<string>();
  let answer: (request: ProviderRequest, index: number) => Answer = () => ({ status: 200 });
  let server: Server | undefined;
  const hanging: (() => void)[] = [];
  const answered = new Map<string, { payload: string; response: object }>();
  let rateLimited = 0;
  let mismatches = 0;

  return {
    requests,
    delivered,
    /** Addresses the provider refuses for good (422 in permissive batch mode). */
    refused,
    /** Forgets everything, as a fresh provider. */
    reset() {
      requests.length = 0;
      delivered.clear();
      answered.clear();
      refused.clear();
      mismatches = 0;
      answer = () => ({ status: 200 });
    },
    answer(fn: typeof answer) {
      answer = fn;
    },
    /** Requests that reused an idempotency key with a different payload (a bug of ours). */
    mismatches: () => mismatches,
    /** How many requests were answered 429. */
    rateLimited: () => rateLimited,
    /** How many distinct emails the provider accepted, over all idempotency keys. */
    deliveredCount() {
      return [...delivered.values()].reduce((n, emails) => n + emails.length, 0);
    },
    async start(): Promise<string> {
      server = createServer((req, res) => {
        let raw = "";
        req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
        req.on("end", () => {
          const emails = JSON.parse(raw || "[]") as { to: string | string[]; subject: string }[];
          const request: ProviderRequest = {
            at: clock(),
            idempotencyKey: (req.headers["idempotency-key"] as string | undefined) ?? null,
            authorization: req.headers.authorization,
            emails: emails.map((e) => ({ to: [e.to].flat()[0]!, subject: e.subject })),
          };
          requests.push(request);
          const recent = requests.filter((r) => r.at > request.at - 1000).length;
          const reply: Answer =
            recent > limitPerSecond
              ? {
                  status: 429,
                  headers: { "retry-after": "1" },
                  body: {
                    name: "rate_limit_exceeded",
                    message: "Too many requests",
                    statusCode: 429,
                  },
                }
              : answer(request, requests.length - 1);
          if ("status" in reply && reply.status === 429) rateLimited++;
          if ("hang" in reply) {
            // Processed, but the answer never comes back: the worker must time out.
            try {
              accept(request);
            } catch {
              // A mismatch is counted when the request is answered.
            }
            hanging.push(() => res.destroy());
            return;
          }
          if (reply.status !== 200) {
            res.writeHead(reply.status, {
              "content-type": "application/json",
              ...("headers" in reply ? reply.headers : {}),
            });
            res.end(
              JSON.stringify(
                ("body" in reply && reply.body) || {
                  name: "application_error",
                  message: `status ${reply.status}`,
                  statusCode: reply.status,
                },
              ),
            );
            return;
          }
          let result: object;
          try {
            result = accept(request);
          } catch (error) {
            if (!(error instanceof PayloadMismatch)) throw error;
            mismatches++;
            res.writeHead(409, { "content-type": "application/json" });
            res.end(
              JSON.stringify({
                name: "invalid_idempotent_request",
                message: "Same idempotency key used with a different request payload",
                statusCode: 409,
              }),
            );
            return;
          }
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify(result));
        });
      });
      await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async stop() {
      for (const release of hanging.splice(0)) release();
      await new Promise<void>((resolve) => server?.close(() => resolve()));
    },
  };

  function accept(request: ProviderRequest) {
    const key = request.idempotencyKey ?? `none-${requests.length}`;
    // As Resend: the same key with the same request replays the first answer.
    const payload = JSON.stringify(request.emails);
    const earlier = answered.get(key);
    if (earlier) {
      if (earlier.payload !== payload) throw new PayloadMismatch();
      return earlier.response;
    }
    const errors: { index: number; message: string }[] = [];
    const accepted: { to: string; subject: string }[] = [];
    request.emails.forEach((email, index) => {
      if (refused.has(email.to))
        errors.push({ index, message: `The address ${email.to} is not valid.` });
      else accepted.push(email);
    });
    delivered.set(key, accepted);
    const response = { data: accepted.map((_, i) => ({ id: `${key}-${i}` })), errors };
    answered.set(key, { payload, response });
    return response;
  }
}

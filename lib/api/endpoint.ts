import type { z } from "zod";
import { getDb, type Db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { clientIp } from "@/lib/auth/client-ip";
import type { Permission } from "@/lib/auth/permissions";
import { authenticateApiRequest } from "@/lib/api-keys/authenticate";
import { env } from "@/lib/env";
import { DomainError, describeError } from "@/lib/errors";
import { afterCommit } from "@/lib/front-door/after-commit";
import { limitFor } from "@/lib/rate-limit/limits";
import * as rateLimit from "@/lib/rate-limit/service";
import { ApiProblem, invalidFields, parseJson, problem, readBody } from "./http";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  IDEMPOTENCY_KEY_MAX,
  releaseIdempotencyKey,
  requestHash,
  type StoredAnswer,
} from "./idempotency";
import { isProblemCode, type ProblemCode } from "./problems";

/** What an endpoint's handler gets beside its parsed input. */
export type ApiContext = {
  actor: Actor;
  db: Db;
  now: Date;
  ip: string | null;
  /** The request's address, for links to other pages of a list. */
  url: URL;
  deps: ApiDeps;
};

/** Configuration and the database, passed in so tests give their own. */
export type ApiDeps = {
  db: Db;
  now: () => Date;
  appUrl: string;
  invitationsPerHour: number;
  requestsPerMinute: number;
  trustedProxyHops: number;
  /** WEBHOOKS_ALLOW_LOOPBACK: endpoints on 127.0.0.1 and ::1 (development and tests). */
  webhooksAllowLoopback: boolean;
};

export type ApiAnswer = {
  /**
   * What a retry with the same Idempotency-Key is answered, when it must differ
   * from the first answer: never a secret shown once (a new key) kept at rest.
   */
  replayBody?: unknown;
  status: number;
  body: unknown;
  location?: string;
  headers?: Record<string, string>;
  /** A body that is not JSON (a CSV file): sent as the string it is, with this type. */
  contentType?: string;
};

type Method = "get" | "post" | "patch" | "put" | "delete";

export type ResponseSpec = {
  description: string;
  schema?: z.ZodType;
  /** A body that is not JSON (a CSV file): its media type, documented as a string. */
  mediaType?: string;
};

/**
 * One operation of the API: its place, the permission it needs, the zod
 * schemas its input is checked against (the same ones the OpenAPI document is
 * generated from) and the use case it calls.
 */
export type Endpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  method: Method;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** What the key's user must be allowed; "signed-in" for what any valid key may read about itself. */
  permission: Permission | "signed-in";
  params?: P;
  query?: Q;
  body?: B;
  /** Also takes a `text/csv` body of at most `maxBytes`, handed over as `csv` (and `body` undefined). */
  csvBody?: { description: string; maxBytes: number };
  responses: Record<number, ResponseSpec>;
  handler: (
    input: { params: z.output<P>; query: z.output<Q>; body: z.output<B>; csv?: string },
    ctx: ApiContext,
  ) => Promise<ApiAnswer>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of endpoints of any shape
export type AnyEndpoint = Endpoint<any, any, any>;

export function endpoint<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
>(spec: Endpoint<P, Q, B>): Endpoint<P, Q, B> {
  return spec;
}

export async function defaultApiDeps(): Promise<ApiDeps> {
  const e = env();
  return {
    db: await getDb(),
    now: () => new Date(),
    appUrl: e.APP_URL,
    invitationsPerHour: e.INVITATIONS_PER_HOUR,
    requestsPerMinute: e.API_REQUESTS_PER_MINUTE,
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    webhooksAllowLoopback: e.webhooksAllowLoopback,
  };
}

/** A Next.js route handler for the endpoint. */
export function route(spec: AnyEndpoint, dialect: Dialect = V1_DIALECT) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }) =>
    handleApiRequest(spec, request, await context.params, await defaultApiDeps(), dialect);
}

const WRITES: ReadonlySet<Method> = new Set(["post", "patch", "put", "delete"]);

function rateLimitHeaders(limit: number, result: rateLimit.RateLimitResult) {
  return {
    "ratelimit-policy": `"default";q=${limit};w=60`,
    ratelimit: `"default";r=${Math.max(0, limit - result.count)};t=${result.retryAfterSeconds}`,
  };
}

function bearer(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1]! : null;
}

/**
 * Authenticates a key (from the Authorization header, or another of a front
 * door's choosing) and counts the request against the key's limit, whose
 * headers go on every answer.
 */
export async function apiActor(
  db: Db,
  presented: string | null,
  context: { now: Date; ip: string | null; perMinute: number },
) {
  if (presented) {
    const found = await authenticateApiRequest(db, presented, context);
    if (found)
      return {
        actor: found.actor,
        allowed: found.requests.allowed,
        headers: rateLimitHeaders(context.perMinute, found.requests),
        retryAfter: found.requests.retryAfterSeconds,
      };
  }
  // Failures only: a key that works costs nothing here.
  const bad = await rateLimit.hit(
    db,
    limitFor("badApiKeysPerAddress", context.ip ?? "unknown"),
    context.now,
  );
  if (!bad.allowed)
    throw new ApiProblem("rate_limited", {
      headers: { "retry-after": String(bad.retryAfterSeconds) },
    });
  return null;
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  // An account's data: never kept by a proxy or the client's cache.
  response.headers.set("cache-control", "no-store");
  return response;
}

function parseOrProblem<S extends z.ZodType>(
  schema: S | undefined,
  value: unknown,
  where: "query" | "body" | "path",
): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // An id that is not one names nothing here.
  if (where === "path") throw new ApiProblem("not_found");
  throw new ApiProblem("invalid_input", { errors: invalidFields(parsed.error, where) });
}

export type RefusalExtra = ApiProblem["extra"] & { params?: Record<string, string | number> };

/**
 * How a family of endpoints speaks: where the key is, and what a refusal looks
 * like. /api/v1 takes a Bearer key and answers RFC 9457 problems; the
 * CertCentral-compatible endpoints take X-DC-DEVKEY and answer that API's errors.
 */
export type Dialect = {
  key(request: Request): string | null;
  refusal(code: ProblemCode, extra: RefusalExtra): Response;
  /** The content type a stored refusal is replayed with. */
  refusalType: string;
};

export const V1_DIALECT: Dialect = {
  key: bearer,
  refusal: problem,
  refusalType: "application/problem+json",
};

/** What went wrong, as a code of the one table: the domain's own, anything else logged and generic. */
export function refusalOf(error: unknown): { code: ProblemCode; extra: RefusalExtra } {
  if (error instanceof ApiProblem) return { code: error.code, extra: error.extra };
  if (error instanceof DomainError && isProblemCode(error.code)) {
    return {
      code: error.code,
      extra: {
        params: error.params,
        errors: error.field
          ? [{ in: "body", pointer: `/${snakeCase(error.field)}`, code: error.code }]
          : undefined,
      },
    };
  }
  console.error("API request failed:", describeError(error));
  return { code: "unexpected", extra: {} };
}

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const seen = out[key];
    out[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return out;
}

/**
 * Every API request goes through here: authenticate the key, count it, refuse
 * early without the permission or the scope, parse and check the input, replay
 * a retried write, run the use case (which checks everything again itself) and
 * answer JSON or a problem.
 */
export async function handleApiRequest(
  spec: AnyEndpoint,
  request: Request,
  routeParams: Record<string, string>,
  deps: ApiDeps,
  dialect: Dialect = V1_DIALECT,
): Promise<Response> {
  const { db } = deps;
  const now = deps.now();
  const ip = clientIp(request.headers, deps.trustedProxyHops);
  let limitHeaders: Record<string, string> = {};
  let idempotency: { accountId: string; key: string } | null = null;
  try {
    const counted = await apiActor(db, dialect.key(request), {
      now,
      ip,
      perMinute: deps.requestsPerMinute,
    });
    if (!counted)
      return withHeaders(
        dialect.refusal("unauthorized", {
          headers: { "www-authenticate": 'Bearer realm="CertPortal API"' },
        }),
        {},
      );
    const { actor } = counted;
    limitHeaders = counted.headers;
    if (!counted.allowed)
      return withHeaders(dialect.refusal("rate_limited", {}), {
        ...limitHeaders,
        "retry-after": String(counted.retryAfter),
      });
    // A read-only key changes nothing, whichever permission a write names (an empty PATCH
    // included): refused before it can claim an Idempotency-Key.
    if (actor.apiKey?.scope === "read" && WRITES.has(spec.method))
      throw new ApiProblem("forbidden");
    if (spec.permission !== "signed-in") authorize(actor, spec.permission);

    const url = new URL(request.url);
    const params = parseOrProblem(spec.params, routeParams, "path");
    const query = parseOrProblem(spec.query, queryObject(url), "query");
    let text = "";
    let body: unknown = undefined;
    let csv: string | undefined;
    if (spec.body) {
      const read = await readBody(request, { csv: spec.csvBody });
      text = read.text;
      if (read.csv) csv = text;
      else body = parseOrProblem(spec.body, parseJson(text), "body");
    }

    const idempotencyKey = request.headers.get("idempotency-key");
    if (idempotencyKey !== null && (spec.method === "post" || spec.method === "patch")) {
      if (
        !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey) ||
        idempotencyKey.length > IDEMPOTENCY_KEY_MAX
      )
        throw new ApiProblem("invalid_input", {
          errors: [{ in: "header", pointer: "Idempotency-Key", code: "invalid_idempotency_key" }],
        });
      const mine = { accountId: actor.accountId, key: idempotencyKey };
      const claim = await claimIdempotencyKey(db, {
        ...mine,
        hash: requestHash(spec.method, url, text),
        now,
      });
      if (claim.kind === "reused") throw new ApiProblem("idempotency_key_reused");
      if (claim.kind === "in_progress") throw new ApiProblem("idempotency_in_progress");
      if (claim.kind === "replay") return withHeaders(replay(claim.answer, dialect), limitHeaders);
      idempotency = mine;
    }

    const answer = await spec.handler(
      { params, query, body, csv },
      { actor, db, now, ip, url, deps },
    );
    if (WRITES.has(spec.method)) afterCommit();
    const serialized = (value: unknown) =>
      answer.status === 204 ? "" : answer.contentType ? String(value) : JSON.stringify(value);
    const sent: StoredAnswer = {
      status: answer.status,
      body: serialized(answer.body),
      location: answer.location ?? null,
      ...(answer.contentType ? { contentType: answer.contentType } : {}),
    };
    if (idempotency) {
      // The change is made: from here on a failure must not free the key for a second run.
      const done = idempotency;
      idempotency = null;
      await completeIdempotencyKey(db, {
        ...done,
        answer: { ...sent, body: serialized(answer.replayBody ?? answer.body) },
      });
    }
    return withHeaders(replay(sent, dialect), { ...limitHeaders, ...answer.headers });
  } catch (error) {
    const { code, extra } = refusalOf(error);
    const response = dialect.refusal(code, extra);
    if (idempotency) {
      // A refusal is the answer to repeat; a failure of ours (or a limit) may be retried.
      if (response.status >= 500 || response.status === 429)
        await releaseIdempotencyKey(db, idempotency);
      else
        await completeIdempotencyKey(db, {
          ...idempotency,
          answer: { status: response.status, body: await response.clone().text(), location: null },
        });
    }
    return withHeaders(response, limitHeaders);
  }
}

function replay(answer: StoredAnswer, dialect: Dialect): Response {
  const refused = answer.status >= 400;
  const response =
    answer.status === 204
      ? new Response(null, { status: 204 })
      : new Response(answer.body, {
          status: answer.status,
          headers: {
            "content-type": refused
              ? dialect.refusalType
              : (answer.contentType ?? "application/json"),
          },
        });
  if (answer.location) response.headers.set("location", answer.location);
  return response;
}

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import type { Db } from "@/db";
import { CERTCENTRAL_DIALECT, CERTCENTRAL_ENDPOINTS } from "@/lib/api/certcentral";
import {
  type AnyEndpoint,
  type ApiDeps,
  type Dialect,
  handleApiRequest,
  V1_DIALECT,
} from "@/lib/api/endpoint";
import { apiDocument, ENDPOINTS } from "@/lib/api/v1/document";
import { matchEndpoint } from "@/lib/api/v1/router";

const BASE = "https://portal.example";
const document = apiDocument(BASE);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(document, "openapi.json");

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/**
 * Checks an answer against the generated document, by an independent validator
 * (Ajv, JSON Schema 2020-12): its status must be documented for the operation,
 * and its body must match the documented schema.
 */
export function expectDocumented(
  method: string,
  template: string,
  status: number,
  contentType: string,
  body: unknown,
) {
  const operation = (
    document.paths?.[template] as Record<
      string,
      { responses: Record<string, { content?: Record<string, unknown> }> }
    >
  )[method];
  expect(operation, `${method} ${template} is documented`).toBeDefined();
  const key = operation!.responses[String(status)] ? String(status) : "default";
  const response = operation!.responses[key]!;
  if (status === 204) return;
  const media = contentType.split(";")[0]!;
  expect(
    Object.keys(response.content ?? {}),
    `${method} ${template} ${status} documents ${media}`,
  ).toContain(media);
  const ref = `openapi.json#/${pointer("paths", template, method, "responses", key, "content", media, "schema")}`;
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  const valid = validate(body);
  expect(validate.errors ?? [], `${method} ${template} ${status} matches the document`).toEqual([]);
  expect(valid).toBe(true);
}

/** Where a family of endpoints lives and how it takes its key. */
type Surface = {
  prefix: string;
  endpoints: readonly AnyEndpoint[];
  dialect: Dialect;
  keyHeader: string;
  keyValue: (key: string) => string;
  /** Whether its answers are checked against the OpenAPI document. */
  documented: boolean;
};

const V1: Surface = {
  prefix: "/api/v1",
  endpoints: ENDPOINTS,
  dialect: V1_DIALECT,
  keyHeader: "authorization",
  keyValue: (key) => `Bearer ${key}`,
  documented: true,
};

/** The CertCentral-compatible endpoints: X-DC-DEVKEY, that API's own shapes. */
export const CERTCENTRAL: Surface = {
  prefix: "/services/v2",
  endpoints: CERTCENTRAL_ENDPOINTS,
  dialect: CERTCENTRAL_DIALECT,
  keyHeader: "x-dc-devkey",
  keyValue: (key) => key,
  documented: false,
};

export type ApiCall = {
  key?: string | null;
  body?: unknown;
  /** A raw body, sent as it is (with its own content type). */
  raw?: { text: string; type: string };
  headers?: Record<string, string>;
  ip?: string;
};

/**
 * Calls /api/v1 as a script would, through the same handler Next.js routes to,
 * on the test's database and clock; every answer is checked against the document.
 */
export function apiClient(
  t: { db: Db },
  clock: { now: Date },
  overrides: Partial<ApiDeps> = {},
  surface: Surface = V1,
) {
  return async function call(method: string, path: string, options: ApiCall = {}) {
    const url = new URL(`${surface.prefix}${path}`, BASE);
    const match = matchEndpoint(
      method,
      url.pathname.slice(surface.prefix.length),
      surface.endpoints,
    );
    if (!match) throw new Error(`no endpoint for ${method} ${path}`);
    const headers = new Headers(options.headers);
    if (options.key) headers.set(surface.keyHeader, surface.keyValue(options.key));
    headers.set("x-forwarded-for", options.ip ?? "203.0.113.50");
    let body: string | undefined;
    if (options.raw) {
      body = options.raw.text;
      headers.set("content-type", options.raw.type);
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers.set("content-type", "application/json");
    }
    const request = new Request(url, { method, headers, body });
    const response = await handleApiRequest(
      match.spec,
      request,
      match.params,
      {
        db: t.db,
        now: () => clock.now,
        appUrl: BASE,
        invitationsPerHour: 200,
        requestsPerMinute: 600,
        trustedProxyHops: 1,
        // Receivers in the tests listen on 127.0.0.1.
        webhooksAllowLoopback: true,
        ...overrides,
      },
      surface.dialect,
    );
    const text = await response.text();
    // A file (a batch's result.csv) is answered as its text.
    const json: unknown = !text
      ? null
      : (response.headers.get("content-type") ?? "").startsWith("text/csv")
        ? text
        : JSON.parse(text);
    if (surface.documented)
      expectDocumented(
        match.spec.method,
        match.spec.path,
        response.status,
        response.headers.get("content-type") ?? "",
        json,
      );
    return {
      status: response.status,
      headers: response.headers,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads any field of an answer
      body: json as Record<string, any>,
    };
  };
}

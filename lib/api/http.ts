import type { z } from "zod";
import { readLimited } from "@/lib/http/body";
import { problemFor, type ProblemCode } from "./problems";

/** The largest body the API reads; anything longer is refused unread. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** One invalid field, by its JSON pointer into the body or its query parameter. */
export type InvalidField = {
  in: "body" | "query" | "path" | "header";
  pointer: string;
  code: string;
};

export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly extra: {
      detail?: string;
      errors?: InvalidField[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code);
    this.name = "ApiProblem";
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** An RFC 9457 problem: a stable `type` per code, never a stack trace or a key. */
export function problem(
  code: ProblemCode,
  extra: ApiProblem["extra"] & { params?: Record<string, string | number> } = {},
): Response {
  const { type, status, title } = problemFor(code);
  const body = {
    type,
    title,
    status,
    code,
    ...(extra.detail ? { detail: extra.detail } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.params ? { params: extra.params } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...extra.headers },
  });
}

/** zod's issues as invalid fields: where (a JSON pointer) and what (zod's code, or ours). */
export function invalidFields(error: z.ZodError, where: InvalidField["in"]): InvalidField[] {
  return error.issues.map((issue) => ({
    in: where,
    pointer: issue.path.length
      ? "/" + issue.path.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")
      : "",
    code: issue.message.startsWith("v.") ? issue.message.slice(2) : issue.code,
  }));
}

/**
 * The body as text, at most MAX_BODY_BYTES of it (or `csv.maxBytes` of a CSV
 * body where the endpoint takes one), or a problem: a declared or actual length
 * past the limit (413), another content type (415), bytes that are not UTF-8.
 */
export async function readBody(
  request: Request,
  options: { csv?: { maxBytes: number } } = {},
): Promise<{ text: string; csv: boolean }> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const csv = type === "text/csv" && options.csv !== undefined;
  if (type !== "application/json" && !csv) throw new ApiProblem("unsupported_media_type");
  const bytes = await readLimited(request, csv ? options.csv!.maxBytes : MAX_BODY_BYTES);
  if (!bytes) throw new ApiProblem("payload_too_large");
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), csv };
  } catch {
    throw new ApiProblem("malformed_json", { detail: "The body is not UTF-8." });
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem("malformed_json");
  }
}

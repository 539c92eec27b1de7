import { beforeEach } from "vitest";
import type { Db } from "@/db";
import type { RequestContext } from "@/lib/actions/context";
import type { Actor } from "@/lib/auth/actor";
import type { Locale } from "@/lib/enums";

/**
 * The request every server action under test runs in: who is signed in, the test's
 * database, the moment, the client address and the page's language. The vitest setup file serves it in
 * place of the real request context (tests/setup/next.ts); tests set `actor`.
 */
export const request: {
  actor: Actor | null;
  db: Db | null;
  now: Date;
  ip: string | null;
  locale: Locale;
} = {
  actor: null,
  db: null,
  now: new Date(),
  ip: null,
  locale: "en",
};

export function currentRequest(): RequestContext {
  if (!request.db) throw new Error("actionRequest(t, now) has not been called in this test file");
  return { ...request, db: request.db };
}

/** Server actions in this file run against the test database at `now`, signed out until `request.actor` is set. */
export function actionRequest(t: { db: Db }, now: Date, ip = "203.0.113.9") {
  beforeEach(() => {
    Object.assign(request, { actor: null, db: t.db, now, ip, locale: "en" });
  });
  return request;
}

/** A form as the browser submits it; an array stands for a field sent several times (ticked boxes). */
export function formData(values: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries(values))
    for (const v of Array.isArray(value) ? value : [value]) fd.append(key, v);
  return fd;
}

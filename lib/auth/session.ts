import { createActionURL } from "@auth/core";
import { getToken } from "@auth/core/jwt";
import type { Db } from "@/db";
import type { Actor } from "./actor";
import { loadSession } from "./sign-in";

/**
 * A session's user as they are now, or null when the session has ended: the
 * user or an account above is deactivated, or a password was set since the
 * session began (`version`, the generation its password was checked under; a
 * cookie from before generations were recorded counts as the first). Without
 * a version (a sign-in happening now) any generation is the current one.
 */
export async function currentSession(db: Db, userId: string, version?: number) {
  const session = await loadSession(db, userId);
  if (!session) return null;
  if (version !== undefined && version !== session.sessionVersion) return null;
  return session;
}

/** The password generation a session's token began under (none recorded: the first). */
export function tokenVersion(token: Record<string, unknown>): number {
  return typeof token.ver === "number" ? token.ver : 0;
}

/**
 * Whether Auth.js names its cookies `__Secure-…` for this request: it does when
 * the app's URL (AUTH_URL, else the forwarded or default protocol) is HTTPS.
 * Auth.js's own rule (createActionURL), as it applies it when it sets the
 * cookie at sign-in; a request it could not make a URL of reads no secure cookie.
 */
export function sessionCookieIsSecure(
  requestHeaders: Headers,
  environment: Record<string, string | undefined>,
): boolean {
  try {
    const protocol = requestHeaders.get("x-forwarded-proto") ?? "https";
    return (
      createActionURL("session", protocol, requestHeaders, environment, {}).protocol === "https:"
    );
  } catch {
    return false;
  }
}

/**
 * The signed-in actor of a request's session cookie, read and checked once:
 * decrypted with the app's secret under Auth.js's own cookie name and salt,
 * its expiry checked, then its user re-read from the database. Unlike
 * `auth()`, it never encrypts a new token (a page cannot set the cookie
 * anyway). The Authorization header is not a way in here: the cookie alone is.
 */
export async function readSession(
  db: Db,
  request: { cookie: string | null; secret: string; secure: boolean },
): Promise<Actor | null> {
  if (!request.cookie) return null;
  const token = await getToken({
    req: { headers: { cookie: request.cookie } },
    secret: request.secret,
    secureCookie: request.secure,
  });
  if (!token?.sub) return null;
  return (await currentSession(db, token.sub, tokenVersion(token)))?.actor ?? null;
}

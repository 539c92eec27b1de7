import NextAuth from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import type { Actor } from "./actor";
import { buildAuthConfig } from "./config";
import { readSession, sessionCookieIsSecure } from "./session";

// Built lazily so that `next build` needs no runtime secret. Sign-in and
// sign-out go through Auth.js; reading the session on a request does not.
export const { handlers, signIn, signOut } = NextAuth(() =>
  buildAuthConfig({
    db: getDb,
    secret: env().AUTH_SECRET,
    trustedProxyHops: env().TRUSTED_PROXY_HOPS,
  }),
);

/**
 * The signed-in actor for this request, or null: the session cookie decrypted
 * once and its user re-read from the database once per request, without
 * `auth()`'s new token (which a page could not set anyway).
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const [requestHeaders, db] = await Promise.all([headers(), getDb()]);
  return readSession(db, {
    cookie: requestHeaders.get("cookie"),
    secret: env().AUTH_SECRET,
    // Auth.js reads AUTH_URL (or NEXTAUTH_URL) from the environment itself to name its cookies.
    secure: sessionCookieIsSecure(requestHeaders, process.env),
  });
});

// From @auth/core directly (what next-auth re-exports) so the config also loads outside Next.js, in tests.
import { CredentialsSignin } from "@auth/core/errors";
import Credentials from "@auth/core/providers/credentials";
import type { NextAuthConfig } from "next-auth";
import { z } from "zod";
import type { Db } from "@/db";
import type { Actor } from "./actor";
import { clientIp } from "./client-ip";
import { currentSession, tokenVersion } from "./session";
import { authenticate } from "./sign-in";

declare module "next-auth" {
  interface Session {
    actor: Actor;
  }
}

class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

const credentialsInput = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
  // A hint only: a missing or odd value never stands in the way of signing in.
  timeZone: z.string().max(64).optional().catch(undefined),
});

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export function buildAuthConfig(deps: {
  db: () => Promise<Db>;
  secret: string;
  now?: () => Date;
  /** Reverse proxies in front of the app (TRUSTED_PROXY_HOPS). */
  trustedProxyHops?: number;
}) {
  const now = deps.now ?? (() => new Date());
  return {
    secret: deps.secret,
    // Self-hosted behind the operator's proxy; links we send never use the Host header (see APP_URL).
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    providers: [
      Credentials({
        credentials: { username: {}, password: {}, timeZone: {} },
        async authorize(raw, request) {
          const parsed = credentialsInput.safeParse(raw);
          if (!parsed.success) return null;
          const result = await authenticate(await deps.db(), {
            ...parsed.data,
            ip: clientIp(request.headers, deps.trustedProxyHops ?? 1),
            now: now(),
          });
          if (!result.ok) {
            if (result.reason === "too_many_attempts") throw new TooManyAttempts();
            return null;
          }
          return { id: result.userId, ver: result.sessionVersion };
        },
      }),
    ],
    callbacks: {
      // Runs on every request that reads the session: re-reading the user here
      // signs out a deactivated user or account on their next request.
      async jwt({ token, user }) {
        const userId = user?.id ?? token.sub;
        if (!userId) return null;
        // A new sign-in is checked under the generation its password was checked
        // under; a session read later under the one it began with.
        const session = await currentSession(
          await deps.db(),
          userId,
          user ? (user as { ver?: number }).ver : tokenVersion(token),
        );
        if (!session) return null;
        return {
          sub: userId,
          actor: session.actor,
          ver: session.sessionVersion,
          iat: token.iat,
          exp: token.exp,
          jti: token.jti,
        };
      },
      session({ session, token }) {
        return { ...session, actor: token.actor as Actor };
      },
    },
  } satisfies NextAuthConfig;
}

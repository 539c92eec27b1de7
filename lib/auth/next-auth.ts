import NextAuth from "next-auth";
import { cache } from "react";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import type { Actor } from "./actor";
import { buildAuthConfig } from "./config";

// Built lazily so that `next build` needs no runtime secret.
export const { handlers, auth, signIn, signOut } = NextAuth(() =>
  buildAuthConfig({
    db: getDb,
    secret: env().AUTH_SECRET,
    trustedProxyHops: env().TRUSTED_PROXY_HOPS,
  }),
);

/** The signed-in actor for this request, or null. One database read per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  return session?.actor ?? null;
});

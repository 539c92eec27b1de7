import { headers } from "next/headers";
import { getDb, type Db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { clientIp } from "@/lib/auth/client-ip";
import { currentActor } from "@/lib/auth/next-auth";
import { type Locale } from "@/lib/enums";
import { env } from "@/lib/env";
import { requestLocale } from "@/lib/i18n/request-locale";

/**
 * Who is asking, from where, against which database, at what time and in which
 * language (the page's, for the answer's words): resolved once per action call.
 */
export type RequestContext = {
  actor: Actor | null;
  db: Db;
  now: Date;
  ip: string | null;
  locale: Locale;
};

export async function requestContext(): Promise<RequestContext> {
  const [actor, db, requestHeaders] = await Promise.all([currentActor(), getDb(), headers()]);
  return {
    actor,
    db,
    now: new Date(),
    ip: clientIp(requestHeaders, env().TRUSTED_PROXY_HOPS),
    // From the actor read here: the page's language, without reading the session again.
    locale: await requestLocale(actor?.locale),
  };
}

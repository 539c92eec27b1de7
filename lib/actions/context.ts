import { headers } from "next/headers";
import { getDb, type Db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { clientIp } from "@/lib/auth/client-ip";
import { currentActor } from "@/lib/auth/next-auth";
import { env } from "@/lib/env";

/** Who is asking, from where, against which database, at what time: resolved once per action call. */
export type RequestContext = { actor: Actor | null; db: Db; now: Date; ip: string | null };

export async function requestContext(): Promise<RequestContext> {
  const [actor, db, requestHeaders] = await Promise.all([currentActor(), getDb(), headers()]);
  return { actor, db, now: new Date(), ip: clientIp(requestHeaders, env().TRUSTED_PROXY_HOPS) };
}

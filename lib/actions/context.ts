import { getDb, type Db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/next-auth";

export type RequestContext = { actor: Actor | null; db: Db; now: Date };

/** Who is asking, against which database, at what time: resolved once per action call. */
export async function requestContext(): Promise<RequestContext> {
  const [actor, db] = await Promise.all([currentActor(), getDb()]);
  return { actor, db, now: new Date() };
}

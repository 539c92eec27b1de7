import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Locale } from "@/lib/enums";
import { DomainError } from "@/lib/errors";
import { canonicalTimeZone } from "@/lib/i18n/time";

/** A user's own language: only ever their own, so the session's user id is the whole scope. */
export async function setUserLocale(db: Db, userId: string, locale: Locale, now: Date) {
  await db.update(users).set({ locale, updatedAt: now }).where(eq(users.id, userId));
}

/** A user's own time zone: only ever their own, so the actor's user id is the whole scope. */
export async function setUserTimeZone(
  db: Db,
  actor: Pick<Actor, "userId">,
  input: { timeZone: string },
  now: Date,
) {
  const timeZone = canonicalTimeZone(input.timeZone);
  if (!timeZone) throw new DomainError("unknown_time_zone", "timeZone");
  await db.update(users).set({ timeZone, updatedAt: now }).where(eq(users.id, actor.userId));
}

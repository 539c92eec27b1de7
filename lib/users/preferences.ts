import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import type { Locale } from "@/lib/enums";

/** A user's own language: only ever their own, so the session's user id is the whole scope. */
export async function setUserLocale(db: Db, userId: string, locale: Locale, now: Date) {
  await db.update(users).set({ locale, updatedAt: now }).where(eq(users.id, userId));
}

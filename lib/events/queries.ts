import { and, asc, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { events } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import { EVENT_TYPES, type EventType } from "@/lib/enums";
import { decodeCursor, encodeCursor, keysetPast } from "@/lib/lists/keyset";

/**
 * An event is listed once it is this old. Its time is taken when its change
 * begins and its transaction commits a moment later, so a page read now could
 * otherwise miss an event committed afterwards with an earlier time; with the
 * delay, a page once read never gains an older event.
 */
export const EVENT_SETTLE_SECONDS = 30;

/** Which events a reader may see: those of the resources their role may view. */
export function visibleEventTypes(actor: Actor): EventType[] {
  return EVENT_TYPES.filter((type) =>
    can(actor.role, type.startsWith("invitation.") ? "invitations.view" : "subaccounts.view"),
  );
}

export type EventListParams = {
  types?: EventType[];
  since?: Date;
  /** The `next_cursor` of the page before. */
  cursor?: string;
};

/**
 * An account's events, oldest first: from `since`, after the cursor. Unlike a
 * list page, the cursor comes back even from the last page (where the next
 * events will follow), so a system that polls keeps it and asks again.
 */
export async function listEvents(
  db: Db,
  actor: Actor,
  params: EventListParams,
  now: Date,
  { size }: { size: number },
) {
  const visible = visibleEventTypes(actor);
  if (visible.length === 0) authorize(actor, "invitations.view");
  const types = params.types?.length
    ? visible.filter((type) => params.types!.includes(type))
    : visible;
  const cursor = decodeCursor(params.cursor);
  const rows =
    types.length === 0
      ? []
      : await db
          .select()
          .from(events)
          .where(
            and(
              eq(events.accountId, actor.accountId),
              inArray(events.type, types),
              lte(events.createdAt, new Date(now.getTime() - EVENT_SETTLE_SECONDS * 1000)),
              params.since ? gte(events.createdAt, params.since) : undefined,
              cursor
                ? keysetPast({ at: events.createdAt, id: events.id }, false, {
                    at: sql`${cursor.at.toISOString()}::timestamptz`,
                    id: sql`${cursor.id}::uuid`,
                  })
                : undefined,
            ),
          )
          .orderBy(asc(events.createdAt), asc(events.id))
          .limit(size + 1);
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return {
    rows: page,
    hasMore: rows.length > size,
    nextCursor: last ? encodeCursor({ at: last.createdAt, id: last.id }) : (params.cursor ?? null),
  };
}

/** Forgets events older than the retention, a batch at a time; returns how many. */
export async function pruneEvents(db: Db, now: Date, retentionDays: number): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000);
  let total = 0;
  for (;;) {
    const old = db
      .select({ id: events.id })
      .from(events)
      .where(lt(events.createdAt, before))
      .limit(5000);
    const removed = await db
      .delete(events)
      .where(inArray(events.id, old))
      .returning({ id: events.id });
    total += removed.length;
    if (removed.length < 5000) return total;
  }
}

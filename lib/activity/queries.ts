import { and, eq, inArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { activity } from "@/db/schema";
import { ACTIVITY_KINDS, type ActivityKind } from "@/lib/enums";
import { keysetPaging, pagePosition } from "@/lib/lists/keyset";

/** The log's filters as they stand in the URL: a person, a kind of change, a page. */
export const activityListParams = z.object({
  who: z.uuid().optional().catch(undefined),
  kind: z.enum(ACTIVITY_KINDS).optional().catch(undefined),
  ...pagePosition,
});
export type ActivityListParams = z.infer<typeof activityListParams>;

/**
 * One page of an account's activity, newest first, of the kinds this reader may
 * see (`activityKindsFor`). The caller has checked the reader may see the account.
 */
export async function listActivity(
  db: Db,
  accountId: string,
  params: ActivityListParams,
  kinds: readonly ActivityKind[],
) {
  const paging = keysetPaging(params, {
    key: { at: activity.createdAt, id: activity.id },
    order: "newest",
  });
  const conditions: SQL[] = [eq(activity.accountId, accountId), inArray(activity.kind, kinds)];
  if (params.who) conditions.push(eq(activity.actorUserId, params.who));
  if (params.kind) conditions.push(eq(activity.kind, params.kind));
  const rows = await db
    .select({
      id: activity.id,
      kind: activity.kind,
      subject: activity.subject,
      actorUserId: activity.actorUserId,
      actorName: activity.actorName,
      actorApiKeyName: activity.actorApiKeyName,
      oldValue: activity.oldValue,
      newValue: activity.newValue,
      createdAt: activity.createdAt,
    })
    .from(activity)
    .where(and(...conditions, paging.where))
    .orderBy(...paging.orderBy)
    .limit(paging.limit);
  return paging.page(rows, (r) => ({ at: r.createdAt, id: r.id }));
}

/** Everyone who made a change this reader may see: the log's "person" filter. */
export async function activityPeople(db: Db, accountId: string, kinds: readonly ActivityKind[]) {
  return db
    .selectDistinctOn([activity.actorUserId], {
      userId: activity.actorUserId,
      name: activity.actorName,
    })
    .from(activity)
    .where(and(eq(activity.accountId, accountId), inArray(activity.kind, kinds)))
    .orderBy(activity.actorUserId, activity.createdAt);
}

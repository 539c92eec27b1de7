import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { decodeCursor, encodeCursor, keysetPast } from "@/lib/lists/keyset";
import { fullName } from "@/lib/users/names";
import { WebhookError } from "./errors";

/** What the Webhooks page and the API show of endpoints and their deliveries: never a secret. */

/** Deliveries are shown, and kept, this long. */
export const DELIVERY_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  eventTypes: webhookEndpoints.eventTypes,
  enabled: webhookEndpoints.enabled,
  disabledReason: webhookEndpoints.disabledReason,
  failingSince: webhookEndpoints.failingSince,
  previousSecretUntil: webhookEndpoints.previousSecretUntil,
  // Null once its maker's user is gone.
  createdBy: sql<string | null>`${fullName(users)}`,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
};

export type WebhookEndpointView = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];

export async function listWebhookEndpoints(db: Db, actor: Actor) {
  authorize(actor, "webhooks.view");
  return db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .leftJoin(users, eq(users.id, webhookEndpoints.createdBy))
    .where(eq(webhookEndpoints.accountId, actor.accountId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

export async function getWebhookEndpoint(db: Db, actor: Actor, id: string) {
  authorize(actor, "webhooks.view");
  const [row] = await db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .leftJoin(users, eq(users.id, webhookEndpoints.createdBy))
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.accountId, actor.accountId)));
  if (!row) throw new WebhookError("webhook_endpoint_not_found");
  return row;
}

export type WebhookDeliveryView = Awaited<ReturnType<typeof listWebhookDeliveries>>["rows"][number];

/** An endpoint's deliveries of the last 30 days, newest first, a page at a time. */
export async function listWebhookDeliveries(
  db: Db,
  actor: Actor,
  params: { endpointId: string; cursor?: string },
  now: Date,
  { size }: { size: number },
) {
  const endpoint = await getWebhookEndpoint(db, actor, params.endpointId);
  const cursor = decodeCursor(params.cursor);
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      inFlight: sql<boolean>`${webhookDeliveries.inFlightUntil} is not null`,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastDurationMs: webhookDeliveries.lastDurationMs,
      lastResponse: webhookDeliveries.lastResponse,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpoint.id),
        gte(
          webhookDeliveries.createdAt,
          new Date(now.getTime() - DELIVERY_RETENTION_DAYS * DAY_MS),
        ),
        cursor
          ? keysetPast({ at: webhookDeliveries.createdAt, id: webhookDeliveries.id }, true, {
              at: sql`${cursor.at.toISOString()}::timestamptz`,
              id: sql`${cursor.id}::uuid`,
            })
          : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(size + 1);
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      rows.length > size && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/** Deliveries older than the retention, dropped by the periodic work. */
export async function pruneWebhookDeliveries(db: Db, now: Date) {
  await db
    .delete(webhookDeliveries)
    .where(
      lt(webhookDeliveries.createdAt, new Date(now.getTime() - DELIVERY_RETENTION_DAYS * DAY_MS)),
    );
}

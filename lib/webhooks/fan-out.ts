import { inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";

/** How long a delivery keeps being retried: three days from its event. */
export const DELIVERY_DEADLINE_MS = 3 * 24 * 60 * 60 * 1000;

export type EventRow = {
  id: string;
  accountId: string;
  type: string;
  createdAt: Date;
  data: Record<string, unknown>;
};

/** The body of a delivery, as Standard Webhooks lays it out. */
export function webhookBody(event: Pick<EventRow, "type" | "createdAt" | "data">): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    data: event.data,
  });
}

export function deliveryOf(endpointId: string, event: Omit<EventRow, "accountId">, now: Date) {
  return {
    endpointId,
    eventId: event.id,
    eventType: event.type,
    body: webhookBody(event),
    nextAttemptAt: now,
    deadlineAt: new Date(now.getTime() + DELIVERY_DEADLINE_MS),
    createdAt: now,
  };
}

/**
 * A delivery for every endpoint of the events' accounts that wants their type,
 * written in the transaction that writes the events: an event and its
 * deliveries exist together or not at all. An endpoint that is off gets them
 * too, and is sent what is still due when it is turned on again.
 */
export async function fanOutEvents(tx: Db, rows: EventRow[]) {
  if (rows.length === 0) return;
  const accountIds = [...new Set(rows.map((row) => row.accountId))];
  const endpoints = await tx
    .select({
      id: webhookEndpoints.id,
      accountId: webhookEndpoints.accountId,
      eventTypes: webhookEndpoints.eventTypes,
    })
    .from(webhookEndpoints)
    .where(inArray(webhookEndpoints.accountId, accountIds))
    // An endpoint deleted meanwhile is skipped, rather than failing the change with its key.
    .for("key share");
  if (endpoints.length === 0) return;
  const deliveries = rows.flatMap((event) =>
    endpoints
      .filter(
        (endpoint) =>
          endpoint.accountId === event.accountId &&
          (!endpoint.eventTypes || (endpoint.eventTypes as string[]).includes(event.type)),
      )
      .map((endpoint) => deliveryOf(endpoint.id, event, event.createdAt)),
  );
  // A batch of a few hundred invitations to a handful of endpoints: well within one statement.
  for (let start = 0; start < deliveries.length; start += 1000)
    await tx.insert(webhookDeliveries).values(deliveries.slice(start, start + 1000));
}

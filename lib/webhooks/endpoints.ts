import { and, count, eq, gte, sql } from "drizzle-orm";
import { v7 } from "uuid";
import type { Db } from "@/db";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize, lockActor } from "@/lib/auth/authorize";
import { DELIVERY_DEADLINE_MS, deliveryOf } from "./fan-out";
import {
  checkUrl,
  type DestinationRules,
  DestinationRefused,
  resolveDestination,
} from "./destination";
import { WebhookError } from "./errors";
import {
  type NewWebhookEndpoint,
  type WebhookEndpointChanges,
  WEBHOOK_ENDPOINTS_MAX,
} from "./inputs";
import { sealSecret } from "./secret-box";
import { newSigningSecret } from "./signing";

/**
 * An Administrator's use cases for the account's webhook endpoints, from the
 * Webhooks page and from /api/v1 alike. Every one locks the actor (still an
 * active Administrator of a usable account) and finds endpoints only within
 * the actor's account: any other is "not found".
 */

/** How long a rotated secret still signs beside the new one. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** The URL as the delivery rules take it: refused now, with the reason, rather than at each event. */
async function checkedUrl(value: string, rules: DestinationRules): Promise<string> {
  try {
    const url = checkUrl(value, rules);
    await resolveDestination(url, rules);
    return url.toString();
  } catch (error) {
    if (error instanceof DestinationRefused)
      throw new WebhookError("webhook_url_refused", "url", {
        reason: error.reason,
        // The address only when it was written in the URL: what a name resolves to on
        // the operator's network is not the Administrator's to learn.
        ...(error.address && literalHost(value) === error.address
          ? { address: error.address }
          : {}),
      });
    throw error;
  }
}

function literalHost(value: string): string | null {
  try {
    return new URL(value).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return null;
  }
}

/**
 * How the activity log names an endpoint: by its host. The log is read by
 * Managers and Finance managers too, and a URL may carry the receiver's own token.
 */
function logged(url: string): string {
  return new URL(url).host;
}

async function lockedEndpoint(tx: Db, accountId: string, id: string) {
  const [row] = await tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.accountId, accountId)))
    .for("update");
  if (!row) throw new WebhookError("webhook_endpoint_not_found");
  return row;
}

export async function createWebhookEndpoint(
  db: Db,
  actor: Actor,
  input: NewWebhookEndpoint,
  now: Date,
  rules: DestinationRules,
): Promise<{ id: string; secret: string }> {
  authorize(actor, "webhooks.manage");
  const url = await checkedUrl(input.url, rules);
  const secret = newSigningSecret();
  return db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "webhooks.manage");
    // Counted under a lock on the account's endpoints, so two at once cannot both pass.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`webhooks:${current.accountId}`}))`,
    );
    const [{ total } = { total: 0 }] = await tx
      .select({ total: count() })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.accountId, current.accountId));
    if (total >= WEBHOOK_ENDPOINTS_MAX)
      throw new WebhookError("webhook_endpoint_limit", undefined, { max: WEBHOOK_ENDPOINTS_MAX });
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        accountId: current.accountId,
        url,
        description: input.description,
        eventTypes: input.eventTypes,
        enabled: input.enabled,
        secret: sealSecret(secret),
        createdBy: current.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: webhookEndpoints.id });
    await recordActivity(tx, { accountId: current.accountId, actor: current, now }, [
      {
        kind: "webhook_endpoint",
        subject: logged(url),
        from: null,
        to: input.enabled ? "on" : "off",
      },
    ]);
    return { id: row!.id, secret };
  });
}

/**
 * Changes the fields given. Turning an endpoint on (a person's doing, or after
 * delivery turned it off) sends at once what is still due to it.
 */
export async function updateWebhookEndpoint(
  db: Db,
  actor: Actor,
  input: { id: string; changes: WebhookEndpointChanges },
  now: Date,
  rules: DestinationRules,
): Promise<void> {
  authorize(actor, "webhooks.manage");
  const { changes } = input;
  const url = changes.url === undefined ? undefined : await checkedUrl(changes.url, rules);
  await db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "webhooks.manage");
    const before = await lockedEndpoint(tx, current.accountId, input.id);
    const turnedOn = changes.enabled === true && !before.enabled;
    await tx
      .update(webhookEndpoints)
      .set({
        url,
        description: changes.description,
        eventTypes: changes.eventTypes,
        enabled: changes.enabled,
        ...(turnedOn ? { disabledReason: null, failingSince: null } : {}),
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, before.id));
    if (turnedOn)
      await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: now })
        .where(
          and(
            eq(webhookDeliveries.endpointId, before.id),
            eq(webhookDeliveries.status, "pending"),
            sql`${webhookDeliveries.inFlightUntil} is null`,
          ),
        );
    const changed = [
      url !== undefined && url !== before.url
        ? {
            kind: "webhook_endpoint" as const,
            subject: logged(before.url),
            from: logged(before.url),
            to: logged(url),
          }
        : null,
      changes.enabled !== undefined && changes.enabled !== before.enabled
        ? {
            kind: "webhook_endpoint" as const,
            subject: logged(url ?? before.url),
            from: before.enabled ? "on" : "off",
            to: changes.enabled ? "on" : "off",
          }
        : null,
    ].filter((entry) => entry !== null);
    if (changed.length)
      await recordActivity(tx, { accountId: current.accountId, actor: current, now }, changed);
  });
}

/** Removes an endpoint with its deliveries: nothing more is sent to it. */
export async function deleteWebhookEndpoint(
  db: Db,
  actor: Actor,
  input: { id: string },
  now: Date,
): Promise<void> {
  authorize(actor, "webhooks.manage");
  await db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "webhooks.manage");
    const row = await lockedEndpoint(tx, current.accountId, input.id);
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, row.id));
    await recordActivity(tx, { accountId: current.accountId, actor: current, now }, [
      {
        kind: "webhook_endpoint",
        subject: logged(row.url),
        from: row.enabled ? "on" : "off",
        to: null,
      },
    ]);
  });
}

/**
 * A new signing secret, answered once. The one it replaces keeps signing beside
 * it for 24 hours, so a receiver can switch without missing a delivery; a
 * second rotation within them ends the first overlap at once.
 */
export async function rotateWebhookSecret(
  db: Db,
  actor: Actor,
  input: { id: string },
  now: Date,
): Promise<{ secret: string; previousValidUntil: Date }> {
  authorize(actor, "webhooks.manage");
  const secret = newSigningSecret();
  const previousValidUntil = new Date(now.getTime() + ROTATION_OVERLAP_MS);
  await db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "webhooks.manage");
    const row = await lockedEndpoint(tx, current.accountId, input.id);
    await tx
      .update(webhookEndpoints)
      .set({
        secret: sealSecret(secret),
        previousSecret: row.secret,
        previousSecretUntil: previousValidUntil,
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, row.id));
    await recordActivity(tx, { accountId: current.accountId, actor: current, now }, [
      { kind: "webhook_endpoint", subject: logged(row.url), from: "secret", to: "rotated" },
    ]);
  });
  return { secret, previousValidUntil };
}

export const TEST_EVENT_TYPE = "webhook.test";

/** A test event for the endpoint alone, whatever types it wants; refused while it is off. */
export async function sendTestEvent(
  db: Db,
  actor: Actor,
  input: { id: string },
  now: Date,
): Promise<{ deliveryId: string; eventId: string }> {
  authorize(actor, "webhooks.manage");
  return db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "webhooks.manage");
    const row = await lockedEndpoint(tx, current.accountId, input.id);
    if (!row.enabled) throw new WebhookError("webhook_endpoint_disabled");
    const event = {
      id: v7(),
      type: TEST_EVENT_TYPE,
      createdAt: now,
      data: { endpoint_id: row.id, sent_by: current.apiKey ? current.apiKey.name : current.name },
    };
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values(deliveryOf(row.id, event, now))
      .returning({ id: webhookDeliveries.id });
    return { deliveryId: delivery!.id, eventId: event.id };
  });
}

/**
 * Sends a delivery's event again as a new delivery, under the same
 * `webhook-id` (a receiver that already has it can tell), whatever became of
 * the first one.
 */
export async function redeliver(
  db: Db,
  actor: Actor,
  input: { endpointId: string; deliveryId: string },
  now: Date,
): Promise<{ deliveryId: string; eventId: string }> {
  authorize(actor, "webhooks.manage");
  return db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "webhooks.manage");
    const endpoint = await lockedEndpoint(tx, current.accountId, input.endpointId);
    const [original] = await tx
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.id, input.deliveryId),
          eq(webhookDeliveries.endpointId, endpoint.id),
        ),
      );
    if (!original) throw new WebhookError("webhook_delivery_not_found");
    const [copy] = await tx
      .insert(webhookDeliveries)
      .values({
        endpointId: endpoint.id,
        eventId: original.eventId,
        eventType: original.eventType,
        body: original.body,
        nextAttemptAt: now,
        deadlineAt: new Date(now.getTime() + DELIVERY_DEADLINE_MS),
        createdAt: now,
      })
      .returning({ id: webhookDeliveries.id });
    return { deliveryId: copy!.id, eventId: original.eventId };
  });
}

/**
 * Every delivery to the endpoint that failed for good since the moment is
 * tried again, with a new three days: after a receiver's outage that outlasted
 * the retries. Answers how many.
 */
export async function retryFailedSince(
  db: Db,
  actor: Actor,
  input: { id: string; since: Date },
  now: Date,
): Promise<{ retried: number }> {
  authorize(actor, "webhooks.manage");
  return db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "webhooks.manage");
    const endpoint = await lockedEndpoint(tx, current.accountId, input.id);
    const retried = await tx
      .update(webhookDeliveries)
      .set({
        status: "pending",
        // A fresh schedule: the first retry in seconds, not hours.
        attempts: 0,
        nextAttemptAt: now,
        deadlineAt: new Date(now.getTime() + DELIVERY_DEADLINE_MS),
      })
      .where(
        and(
          eq(webhookDeliveries.endpointId, endpoint.id),
          eq(webhookDeliveries.status, "failed"),
          gte(webhookDeliveries.createdAt, input.since),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    return { retried: retried.length };
  });
}

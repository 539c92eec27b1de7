import { z } from "zod";
import "zod-openapi";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliver,
  retryFailedSince,
  rotateWebhookSecret,
  sendTestEvent,
  TEST_EVENT_TYPE,
  updateWebhookEndpoint,
} from "@/lib/webhooks/endpoints";
import { webhookDescription, webhookEventTypes, webhookUrl } from "@/lib/webhooks/inputs";
import {
  DELIVERY_RETENTION_DAYS,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  type WebhookDeliveryView,
  type WebhookEndpointView,
} from "@/lib/webhooks/queries";
import { type ApiContext, endpoint } from "../endpoint";
import { idParams, nullableTimestamp, pageAnswer, pageOf, pageQuery, timestamp } from "./common";

/** /api/v1/webhook_endpoints: where the account's events are sent, on the Webhooks page's use cases. */

const TAG = "Webhooks";
const exampleId = "5b0a3c58-3f6c-4a3e-9d51-2f3a8f7f4c10";

// The use cases' own field schemas (trimmed, limited), described for the document.
const eventTypes = webhookEventTypes.meta({
  description: "The types sent; null for every type, including any added later",
});

export const webhookEndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    event_types: eventTypes,
    enabled: z.boolean(),
    disabled_reason: z
      .enum(["failing"])
      .nullable()
      .meta({ description: "`failing`: turned off after five days of failed deliveries" }),
    failing_since: nullableTimestamp.meta({
      description: "The first failed attempt since the last success",
    }),
    previous_secret_expires_at: nullableTimestamp.meta({
      description: "Until then the secret before the last rotation signs too",
    }),
    created_by: z.string().nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({
    id: "WebhookEndpoint",
    example: {
      id: exampleId,
      url: "https://crm.example.com/hooks/certportal",
      description: "CRM onboarding",
      event_types: ["invitation.accepted", "invitation.expired"],
      enabled: true,
      disabled_reason: null,
      failing_since: null,
      previous_secret_expires_at: null,
      created_by: "Ada Admin",
      created_at: "2026-12-01T09:30:00.000Z",
      updated_at: "2026-12-01T09:30:00.000Z",
    },
  });

function endpointResource(row: WebhookEndpointView) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    event_types: row.eventTypes,
    enabled: row.enabled,
    disabled_reason: row.disabledReason === "failing" ? ("failing" as const) : null,
    failing_since: row.failingSince?.toISOString() ?? null,
    previous_secret_expires_at: row.previousSecretUntil?.toISOString() ?? null,
    created_by: row.createdBy,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

const url = webhookUrl.meta({
  description: "An HTTPS address on the public internet",
  example: "https://crm.example.com/hooks/certportal",
});
const description = webhookDescription;

const createBody = z
  .strictObject({
    url,
    description: description.optional(),
    event_types: eventTypes.optional(),
    enabled: z.boolean().optional(),
  })
  .meta({ id: "NewWebhookEndpoint" });

const updateBody = z
  .strictObject({
    url: url.optional(),
    description: description.optional(),
    event_types: eventTypes.optional(),
    enabled: z.boolean().optional().meta({
      description: "Turning it on sends at once what is still due (up to three days old)",
    }),
  })
  .meta({ id: "WebhookEndpointChanges" });

const rules = (ctx: ApiContext) => ({ allowLoopback: ctx.deps.webhooksAllowLoopback });

async function resource(ctx: ApiContext, id: string) {
  return endpointResource(await getWebhookEndpoint(ctx.db, ctx.actor, id));
}

export const listWebhookEndpointsEndpoint = endpoint({
  method: "get",
  path: "/webhook_endpoints",
  operationId: "listWebhookEndpoints",
  summary: "List webhook endpoints",
  tag: TAG,
  permission: "webhooks.view",
  responses: {
    200: {
      description: "Every endpoint of the account, oldest first",
      schema: z
        .object({ data: z.array(webhookEndpointSchema) })
        .meta({ id: "WebhookEndpointList" }),
    },
  },
  async handler(_input, ctx) {
    const rows = await listWebhookEndpoints(ctx.db, ctx.actor);
    return { status: 200, body: { data: rows.map(endpointResource) } };
  },
});

export const createWebhookEndpointEndpoint = endpoint({
  method: "post",
  path: "/webhook_endpoints",
  operationId: "createWebhookEndpoint",
  summary: "Create a webhook endpoint",
  description:
    "The address is checked now: HTTPS, and a name that resolves only to public addresses (never loopback, private, link-local, unique-local or multicast). The answer carries the signing secret, once. Honours `Idempotency-Key`.",
  tag: TAG,
  permission: "webhooks.manage",
  body: createBody,
  responses: {
    201: {
      description: "The new endpoint, with its signing secret",
      schema: webhookEndpointSchema
        .extend({
          secret: z.string().optional().meta({
            example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            description:
              "The signing secret (`whsec_…`), shown this once: absent when a retry with the same Idempotency-Key is answered",
          }),
        })
        .meta({ id: "CreatedWebhookEndpoint" }),
    },
  },
  async handler({ body }, ctx) {
    const created = await createWebhookEndpoint(
      ctx.db,
      ctx.actor,
      {
        url: body.url,
        description: body.description ?? "",
        eventTypes: body.event_types ?? null,
        enabled: body.enabled ?? true,
      },
      ctx.now,
      rules(ctx),
    );
    const shown = await resource(ctx, created.id);
    return {
      status: 201,
      body: { ...shown, secret: created.secret },
      // The secret is shown once: a retry gets the endpoint, never the secret again.
      replayBody: shown,
      location: `/api/v1/webhook_endpoints/${created.id}`,
    };
  },
});

export const getWebhookEndpointEndpoint = endpoint({
  method: "get",
  path: "/webhook_endpoints/{id}",
  operationId: "getWebhookEndpoint",
  summary: "Get a webhook endpoint",
  tag: TAG,
  permission: "webhooks.view",
  params: idParams,
  responses: { 200: { description: "The endpoint", schema: webhookEndpointSchema } },
  async handler({ params }, ctx) {
    return { status: 200, body: await resource(ctx, params.id) };
  },
});

export const updateWebhookEndpointEndpoint = endpoint({
  method: "patch",
  path: "/webhook_endpoints/{id}",
  operationId: "updateWebhookEndpoint",
  summary: "Change a webhook endpoint",
  description: "Only the fields given change; a new address is checked as on creation.",
  tag: TAG,
  permission: "webhooks.manage",
  params: idParams,
  body: updateBody,
  responses: { 200: { description: "The endpoint as it is now", schema: webhookEndpointSchema } },
  async handler({ params, body }, ctx) {
    await updateWebhookEndpoint(
      ctx.db,
      ctx.actor,
      {
        id: params.id,
        changes: {
          url: body.url,
          description: body.description,
          eventTypes: body.event_types,
          enabled: body.enabled,
        },
      },
      ctx.now,
      rules(ctx),
    );
    return { status: 200, body: await resource(ctx, params.id) };
  },
});

export const deleteWebhookEndpointEndpoint = endpoint({
  method: "delete",
  path: "/webhook_endpoints/{id}",
  operationId: "deleteWebhookEndpoint",
  summary: "Delete a webhook endpoint",
  description: "Nothing more is sent to it, not even what was still due.",
  tag: TAG,
  permission: "webhooks.manage",
  params: idParams,
  responses: { 204: { description: "Deleted" } },
  async handler({ params }, ctx) {
    await deleteWebhookEndpoint(ctx.db, ctx.actor, { id: params.id }, ctx.now);
    return { status: 204, body: null };
  },
});

export const rotateWebhookSecretEndpoint = endpoint({
  method: "post",
  path: "/webhook_endpoints/{id}/rotate_secret",
  operationId: "rotateWebhookSecret",
  summary: "Rotate an endpoint's signing secret",
  description:
    "Answers the new secret, once. For 24 hours every delivery is signed with both, so the receiver can switch without missing one.",
  tag: TAG,
  permission: "webhooks.manage",
  params: idParams,
  responses: {
    200: {
      description: "The new secret",
      schema: z
        .object({
          secret: z.string().optional().meta({
            example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            description:
              "The new signing secret, shown this once: absent when a retry with the same Idempotency-Key is answered",
          }),
          previous_secret_expires_at: timestamp,
        })
        .meta({ id: "RotatedWebhookSecret" }),
    },
  },
  async handler({ params }, ctx) {
    const rotated = await rotateWebhookSecret(ctx.db, ctx.actor, { id: params.id }, ctx.now);
    const body = {
      secret: rotated.secret,
      previous_secret_expires_at: rotated.previousValidUntil.toISOString(),
    };
    return {
      status: 200,
      body,
      replayBody: { previous_secret_expires_at: body.previous_secret_expires_at },
    };
  },
});

const queued = z
  .object({
    delivery_id: z.uuid(),
    event_id: z.uuid().meta({ description: "The `webhook-id` it is sent with" }),
  })
  .meta({ id: "QueuedWebhookDelivery" });

export const sendTestEventEndpoint = endpoint({
  method: "post",
  path: "/webhook_endpoints/{id}/test",
  operationId: "sendWebhookTestEvent",
  summary: "Send a test event",
  description: `Queues an event of type \`${TEST_EVENT_TYPE}\` for this endpoint alone, whatever types it wants; refused while it is turned off.`,
  tag: TAG,
  permission: "webhooks.manage",
  params: idParams,
  responses: { 202: { description: "Queued", schema: queued } },
  async handler({ params }, ctx) {
    const sent = await sendTestEvent(ctx.db, ctx.actor, { id: params.id }, ctx.now);
    return { status: 202, body: { delivery_id: sent.deliveryId, event_id: sent.eventId } };
  },
});

export const webhookDeliverySchema = z
  .object({
    id: z.uuid(),
    event_id: z
      .uuid()
      .meta({ description: "The `webhook-id`: the same on every attempt and redelivery" }),
    event_type: z.string(),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.number().int(),
    next_attempt_at: nullableTimestamp.meta({ description: "The next retry, while pending" }),
    last_attempt_at: nullableTimestamp,
    last_status_code: z.number().int().nullable(),
    last_duration_ms: z.number().int().nullable(),
    last_response: z.string().nullable().meta({ description: "The first KiB of the last answer" }),
    last_error: z.string().nullable(),
    created_at: timestamp,
    delivered_at: nullableTimestamp,
  })
  .meta({ id: "WebhookDelivery" });

function deliveryResource(row: WebhookDeliveryView) {
  return {
    id: row.id,
    event_id: row.eventId,
    event_type: row.eventType,
    status: row.status,
    attempts: row.attempts,
    next_attempt_at: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    last_attempt_at: row.lastAttemptAt?.toISOString() ?? null,
    last_status_code: row.lastStatusCode,
    last_duration_ms: row.lastDurationMs,
    last_response: row.lastResponse,
    last_error: row.lastError,
    created_at: row.createdAt.toISOString(),
    delivered_at: row.deliveredAt?.toISOString() ?? null,
  };
}

export const listWebhookDeliveriesEndpoint = endpoint({
  method: "get",
  path: "/webhook_endpoints/{id}/deliveries",
  operationId: "listWebhookDeliveries",
  summary: "List an endpoint's deliveries",
  description: `Newest first, for the last ${DELIVERY_RETENTION_DAYS} days.`,
  tag: TAG,
  permission: "webhooks.view",
  params: idParams,
  query: z.strictObject(pageQuery),
  responses: {
    200: {
      description: "A page of deliveries",
      schema: pageOf(webhookDeliverySchema, "WebhookDeliveryPage"),
    },
  },
  async handler({ params, query }, ctx) {
    const page = await listWebhookDeliveries(
      ctx.db,
      ctx.actor,
      { endpointId: params.id, cursor: query.cursor },
      ctx.now,
      { size: query.limit },
    );
    return pageAnswer(ctx.url, page, deliveryResource);
  },
});

export const redeliverEndpoint = endpoint({
  method: "post",
  path: "/webhook_endpoints/{id}/deliveries/{delivery_id}/redeliver",
  operationId: "redeliverWebhook",
  summary: "Redeliver a delivery",
  description:
    "Sends its event again as a new delivery, under the same `webhook-id`, whatever became of the first.",
  tag: TAG,
  permission: "webhooks.manage",
  params: z.strictObject({ id: idParams.shape.id, delivery_id: idParams.shape.id }),
  responses: { 202: { description: "Queued", schema: queued } },
  async handler({ params }, ctx) {
    const copy = await redeliver(
      ctx.db,
      ctx.actor,
      { endpointId: params.id, deliveryId: params.delivery_id },
      ctx.now,
    );
    return { status: 202, body: { delivery_id: copy.deliveryId, event_id: copy.eventId } };
  },
});

export const retryFailedEndpoint = endpoint({
  method: "post",
  path: "/webhook_endpoints/{id}/retry_failed",
  operationId: "retryFailedWebhooks",
  summary: "Retry every failed delivery since a moment",
  description:
    "Each delivery to the endpoint that failed for good and was made at or after `since` is tried again, with three more days of retries.",
  tag: TAG,
  permission: "webhooks.manage",
  params: idParams,
  body: z.strictObject({ since: timestamp }).meta({ id: "RetryFailedWebhooks" }),
  responses: {
    200: {
      description: "How many are tried again",
      schema: z.object({ retried: z.number().int() }).meta({ id: "RetriedWebhooks" }),
    },
  },
  async handler({ params, body }, ctx) {
    const result = await retryFailedSince(
      ctx.db,
      ctx.actor,
      { id: params.id, since: new Date(body.since) },
      ctx.now,
    );
    return { status: 200, body: result };
  },
});

export const WEBHOOK_ENDPOINTS = [
  listWebhookEndpointsEndpoint,
  createWebhookEndpointEndpoint,
  getWebhookEndpointEndpoint,
  updateWebhookEndpointEndpoint,
  deleteWebhookEndpointEndpoint,
  rotateWebhookSecretEndpoint,
  sendTestEventEndpoint,
  listWebhookDeliveriesEndpoint,
  redeliverEndpoint,
  retryFailedEndpoint,
];

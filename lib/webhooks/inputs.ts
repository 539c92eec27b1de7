import { z } from "zod";
import { EVENT_TYPES } from "@/lib/enums";

export const WEBHOOK_URL_MAX = 2000;
export const WEBHOOK_DESCRIPTION_MAX = 200;
/** Endpoints one account may have: enough for every system it runs, not a fan-out amplifier. */
export const WEBHOOK_ENDPOINTS_MAX = 20;

export const webhookUrl = z.string().trim().min(1, { message: "v.required" }).max(WEBHOOK_URL_MAX);
export const webhookDescription = z.string().trim().max(WEBHOOK_DESCRIPTION_MAX);
/** The types wanted; null for every type, now and later. */
export const webhookEventTypes = z.array(z.enum(EVENT_TYPES)).min(1).nullable();

export const newWebhookEndpointInput = z.strictObject({
  url: webhookUrl,
  description: webhookDescription.default(""),
  eventTypes: webhookEventTypes.default(null),
  enabled: z.boolean().default(true),
});
export type NewWebhookEndpoint = z.output<typeof newWebhookEndpointInput>;

/** A change to an endpoint: only the fields given change. */
export const webhookEndpointChangesInput = z.strictObject({
  url: webhookUrl.optional(),
  description: webhookDescription.optional(),
  eventTypes: webhookEventTypes.optional(),
  enabled: z.boolean().optional(),
});
export type WebhookEndpointChanges = z.output<typeof webhookEndpointChangesInput>;

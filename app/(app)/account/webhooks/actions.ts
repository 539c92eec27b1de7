"use server";

import { revalidatePath } from "next/cache";
import { getFormatter } from "next-intl/server";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { env } from "@/lib/env";
import { DEFAULT_TIME_ZONE } from "@/lib/i18n/time";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliver,
  retryFailedSince,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhookEndpoint,
} from "@/lib/webhooks/endpoints";
import { newWebhookEndpointInput, webhookEndpointChangesInput } from "@/lib/webhooks/inputs";
import { instantOfWallClock } from "@/lib/i18n/wall-clock";

const rules = () => ({ allowLoopback: env().webhooksAllowLoopback });

/**
 * The endpoint form's fields as the use cases take them: "All events" as no
 * list (every type, also those added later), the ticked types otherwise, the
 * box "On" as a boolean. Choosing some types and ticking none is refused here,
 * with a message that says so.
 */
function endpointFields(raw: unknown, ctx: z.RefinementCtx) {
  const form = (raw ?? {}) as Record<string, unknown>;
  const ticked = form.eventTypes;
  const types = Array.isArray(ticked) ? ticked : typeof ticked === "string" ? [ticked] : [];
  if (form.events !== "all" && types.length === 0)
    ctx.addIssue({ code: "custom", message: "v.event_types_required", path: ["eventTypes"] });
  return {
    url: form.url,
    description: form.description,
    eventTypes: form.events === "all" ? null : types,
    enabled: form.enabled === "on",
  };
}

const createForm = z.preprocess(endpointFields, newWebhookEndpointInput);

const byId = z.object({ id: z.uuid() });

const changeForm = z.preprocess(
  (raw, ctx) => ({ id: (raw as Record<string, unknown>).id, changes: endpointFields(raw, ctx) }),
  z.object({ id: z.uuid(), changes: webhookEndpointChangesInput }),
);

/** Where a change's zod issues land on the form. */
const changeFields = {
  "changes.url": "url",
  "changes.description": "description",
  "changes.eventTypes": "eventTypes",
  "changes.enabled": "enabled",
};

/** The list and every endpoint's page under it. */
function refresh() {
  revalidatePath("/account/webhooks", "layout");
}

export const createEndpoint = action(
  { permission: "webhooks.manage", input: createForm },
  async (input, { actor, db, now }) => {
    const { id, secret } = await createWebhookEndpoint(db, actor, input, now, rules());
    refresh();
    // The secret travels once, in this answer; the page shows it until it is left.
    return { ok: true, message: "webhooks.created", params: { id, url: input.url, secret } };
  },
);

export const updateEndpoint = action(
  { permission: "webhooks.manage", input: changeForm, fieldNames: changeFields },
  async ({ id, changes }, { actor, db, now }) => {
    await updateWebhookEndpoint(db, actor, { id, changes }, now, rules());
    refresh();
    return { ok: true, message: "webhooks.saved" };
  },
);

export const deleteEndpoint = action(
  { permission: "webhooks.manage", input: byId },
  async ({ id }, { actor, db, now }) => {
    await deleteWebhookEndpoint(db, actor, { id }, now);
    refresh();
    return { redirectTo: "/account/webhooks?deleted=1" };
  },
);

export const rotateSecret = action(
  { permission: "webhooks.manage", input: byId },
  async ({ id }, { actor, db, now }) => {
    const { secret, previousValidUntil } = await rotateWebhookSecret(db, actor, { id }, now);
    refresh();
    const format = await getFormatter();
    return {
      ok: true,
      message: "webhooks.rotated",
      params: { secret, until: format.dateTime(previousValidUntil, "moment") },
    };
  },
);

export const sendTest = action(
  { permission: "webhooks.manage", input: byId },
  async ({ id }, { actor, db, now }) => {
    const { eventId } = await sendTestEvent(db, actor, { id }, now);
    refresh();
    return { ok: true, message: "webhooks.testSent", params: { eventId } };
  },
);

export const redeliverEvent = action(
  {
    permission: "webhooks.manage",
    input: z.object({ endpointId: z.uuid(), deliveryId: z.uuid(), eventId: z.string().max(100) }),
  },
  async ({ endpointId, deliveryId, eventId }, { actor, db, now }) => {
    await redeliver(db, actor, { endpointId, deliveryId }, now);
    refresh();
    return { ok: true, message: "webhooks.redelivered", params: { eventId } };
  },
);

export const retryFailed = action(
  {
    permission: "webhooks.manage",
    input: byId.extend({
      since: z
        .string()
        .trim()
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { message: "v.date_time" }),
    }),
  },
  async ({ id, since }, { actor, db, now, formData }) => {
    // The moment as the person reads the page: in their own time zone.
    const from = instantOfWallClock(since, actor.timeZone ?? DEFAULT_TIME_ZONE);
    if (!from)
      return {
        ok: false,
        message: "errors.invalid_input",
        fieldErrors: { since: [{ code: "validation.date_time" }] },
        values: { id: [id], since: [String(formData.get("since") ?? "")] },
      };
    const { retried } = await retryFailedSince(db, actor, { id, since: from }, now);
    refresh();
    return { ok: true, message: "webhooks.retried", params: { count: retried } };
  },
);

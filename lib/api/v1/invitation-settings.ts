import { z } from "zod";
import "zod-openapi";
import { REMINDER_DAYS_MAX, REMINDER_DAYS_MIN } from "@/lib/invitations/constants";
import { getInvitationSettings, updateInvitationSettings } from "@/lib/invitations/settings";
import { endpoint } from "../endpoint";

/** /api/v1/invitation_settings: the account's Invitation settings page. */

const reminderDays = z
  .number()
  .int()
  .min(REMINDER_DAYS_MIN)
  .max(REMINDER_DAYS_MAX)
  .nullable()
  .meta({
    description: `Remind the invitee this many days (${REMINDER_DAYS_MIN} to ${REMINDER_DAYS_MAX}) before the link expires, once per invitation and send; null: no reminders`,
  });

const settingsSchema = z
  .object({ reminder_days: reminderDays })
  .meta({ id: "InvitationSettings", example: { reminder_days: 7 } });

export const getInvitationSettingsEndpoint = endpoint({
  method: "get",
  path: "/invitation_settings",
  operationId: "getInvitationSettings",
  summary: "The account's invitation settings",
  tag: "Invitations",
  permission: "invitations.view",
  responses: { 200: { description: "The settings", schema: settingsSchema } },
  async handler(_input, ctx) {
    const settings = await getInvitationSettings(ctx.db, ctx.actor);
    return { status: 200, body: { reminder_days: settings.reminderDays } };
  },
});

export const updateInvitationSettingsEndpoint = endpoint({
  method: "patch",
  path: "/invitation_settings",
  operationId: "updateInvitationSettings",
  summary: "Change the account's invitation settings",
  description:
    "For an Administrator's key with write scope; applies to every pending invitation of the account. Honours `Idempotency-Key`.",
  tag: "Invitations",
  permission: "account.edit",
  body: z
    .strictObject({ reminder_days: reminderDays })
    .meta({ id: "InvitationSettingsChange", example: { reminder_days: 3 } }),
  responses: { 200: { description: "The settings as they are now", schema: settingsSchema } },
  async handler({ body }, ctx) {
    const settings = await updateInvitationSettings(
      ctx.db,
      ctx.actor,
      { reminderDays: body.reminder_days },
      ctx.now,
    );
    return { status: 200, body: { reminder_days: settings.reminderDays } };
  },
});

export const INVITATION_SETTINGS_ENDPOINTS = [
  getInvitationSettingsEndpoint,
  updateInvitationSettingsEndpoint,
];

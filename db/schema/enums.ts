import { pgEnum } from "drizzle-orm/pg-core";
import {
  ACCOUNT_STATUSES,
  ACTIVITY_KINDS,
  API_KEY_SCOPES,
  BATCH_KINDS,
  BATCH_STATUSES,
  ACCOUNT_TYPES,
  BILLING_MODES,
  CREATED_VIA,
  DELIVERY_STATUSES,
  EMAIL_STATUSES,
  INVITATION_EVENT_TYPES,
  EVENT_TYPES,
  INVITATION_STATUSES,
  LOCALES,
  PRICING_MODES,
  ROLES,
  USER_STATUSES,
  WEBHOOK_DELIVERY_STATUSES,
} from "../../lib/enums";

export const accountType = pgEnum("account_type", ACCOUNT_TYPES);
export const accountStatus = pgEnum("account_status", ACCOUNT_STATUSES);
export const billingMode = pgEnum("billing_mode", BILLING_MODES);
export const pricingMode = pgEnum("pricing_mode", PRICING_MODES);
export const createdVia = pgEnum("created_via", CREATED_VIA);
export const userRole = pgEnum("user_role", ROLES);
export const userStatus = pgEnum("user_status", USER_STATUSES);
export const locale = pgEnum("locale", LOCALES);
export const invitationStatus = pgEnum("invitation_status", INVITATION_STATUSES);
export const invitationDelivery = pgEnum("invitation_delivery", DELIVERY_STATUSES);
export const invitationEventType = pgEnum("invitation_event_type", INVITATION_EVENT_TYPES);
export const emailStatus = pgEnum("email_status", EMAIL_STATUSES);
export const activityKind = pgEnum("activity_kind", ACTIVITY_KINDS);
export const apiKeyScope = pgEnum("api_key_scope", API_KEY_SCOPES);
export const eventType = pgEnum("event_type", EVENT_TYPES);
export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", WEBHOOK_DELIVERY_STATUSES);
export const batchKind = pgEnum("batch_kind", BATCH_KINDS);
export const batchStatus = pgEnum("batch_status", BATCH_STATUSES);

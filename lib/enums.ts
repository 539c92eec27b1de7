/**
 * The closed sets of the product, once. Dependency-free, so the database schema
 * (pgEnum), the zod schemas, the types and client components all derive from here.
 */

export const ACCOUNT_TYPES = ["enterprise", "reseller", "retail", "managed"] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
/** Types an invitation can offer: Managed has no one to sign in, so it is never invited. */
export const INVITABLE_TYPES = ["enterprise", "reseller", "retail"] as const;
export type InvitableType = (typeof INVITABLE_TYPES)[number];

export const ACCOUNT_STATUSES = ["active", "deactivated"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const BILLING_MODES = ["bill_to_parent", "bill_to_subaccount"] as const;
export type BillingMode = (typeof BILLING_MODES)[number];
export const PRICING_MODES = ["standard", "custom"] as const;
export type PricingMode = (typeof PRICING_MODES)[number];
export const CREATED_VIA = ["setup", "invitation", "manual"] as const;
export type CreatedVia = (typeof CREATED_VIA)[number];

export const ROLES = ["administrator", "manager", "finance_manager", "user"] as const;
export type Role = (typeof ROLES)[number];
export const USER_STATUSES = ["active", "deactivated"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const LOCALES = ["en", "de"] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Invitation statuses as stored. "expired" is also derived: a pending invitation
 * past its expiry shows as expired before the sweep writes it (lib/invitations/status.ts).
 */
export const INVITATION_STATUSES = ["pending", "accepted", "canceled", "expired"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
/**
 * What became of an invitation's latest email: queued or being retried (sending),
 * handed to the provider (sent), and what the provider reported since.
 */
export const DELIVERY_STATUSES = ["sending", "sent", "delivered", "bounced", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const INVITATION_EVENT_TYPES = [
  "created",
  "sent",
  "resent",
  "canceled",
  "accepted",
  "accept_failed",
  "delivered",
  "delivery_failed",
  "bounced",
  "complained",
  "address_corrected",
  "extended",
  "reminded",
  "sent_again",
  "terms_changed",
] as const;
export type InvitationEventType = (typeof INVITATION_EVENT_TYPES)[number];

/**
 * What a batch does to each of its rows: invite (a bulk upload), or resend,
 * cancel or extend the invitations chosen in Manage invitations.
 */
export const BATCH_KINDS = ["invite", "resend", "cancel", "extend"] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];
export const BATCH_STATUSES = ["queued", "running", "completed", "failed"] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const EMAIL_STATUSES = ["pending", "sent", "failed"] as const;

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * The changes an account's activity log records that were made by, or to, the
 * account's own users (lib/activity/rules.ts: never shown to its parent).
 */
export const USER_ACTIVITY_KINDS = [
  "own_organization",
  "user_added",
  "role",
  "user_status",
  "api_key",
  "webhook_endpoint",
] as const;

/** What an account's activity log records: who changed which of its terms, roles and states. */
export const ACTIVITY_KINDS = [
  "billing",
  "pricing",
  "products",
  "contract",
  "account_manager",
  "status",
  "allowed_types",
  "organization",
  ...USER_ACTIVITY_KINDS,
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** A contract's life, by its dates (lib/contracts/rules.ts). */
export const CONTRACT_STATUSES = ["upcoming", "active", "ended"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** What an API key may do: read, or read and write (lib/auth/permissions.ts says which is which). */
export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** What a partner's systems hear about: the events of /api/v1/events and of webhooks. */
export const EVENT_TYPES = [
  "invitation.created",
  "invitation.resent",
  "invitation.delivered",
  "invitation.bounced",
  "invitation.address_corrected",
  "invitation.accepted",
  "invitation.expired",
  "invitation.canceled",
  "invitation.extended",
  "invitation.reminded",
  "subaccount.created",
  "subaccount.updated",
  "subaccount.deactivated",
  "subaccount.reactivated",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

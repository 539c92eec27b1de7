import { API_KEY_ERROR_CODES } from "@/lib/api-keys/errors";
import { BATCH_ERROR_CODES } from "@/lib/batches/errors";
import { SETUP_ERROR_CODES } from "@/lib/auth/errors";
import { CONTRACT_ERROR_CODES } from "@/lib/contracts/errors";
import { COMMON_ERROR_CODES } from "@/lib/errors";
import { INVITATION_ERROR_CODES } from "@/lib/invitations/errors";
import { SUBACCOUNT_ERROR_CODES } from "@/lib/subaccounts/errors";
import { USER_ERROR_CODES } from "@/lib/users/errors";
import { WEBHOOK_ERROR_CODES } from "@/lib/webhooks/errors";

/** Every code a use case may refuse with, by area. */
export const DOMAIN_CODES = [
  ...COMMON_ERROR_CODES,
  ...API_KEY_ERROR_CODES,
  ...BATCH_ERROR_CODES,
  ...SETUP_ERROR_CODES,
  ...CONTRACT_ERROR_CODES,
  ...INVITATION_ERROR_CODES,
  ...SUBACCOUNT_ERROR_CODES,
  ...USER_ERROR_CODES,
  ...WEBHOOK_ERROR_CODES,
] as const;
export type DomainErrorCode = (typeof DOMAIN_CODES)[number];

/** Refusals of the API itself, before a use case is reached. */
export const API_PROBLEM_CODES = [
  "unauthorized",
  "invalid_input",
  "malformed_json",
  "unsupported_media_type",
  "payload_too_large",
  "not_found",
  "rate_limited",
  "idempotency_key_reused",
  "idempotency_in_progress",
  "unexpected",
] as const;
export type ApiErrorCode = (typeof API_PROBLEM_CODES)[number];
export type ProblemCode = DomainErrorCode | ApiErrorCode;

/**
 * The one table from a refusal to its HTTP status and title. Typed over every
 * code, so a new code does not compile until it has its line here.
 */
const TABLE: Record<ProblemCode, { status: number; title: string }> = {
  // Refusals of the API itself
  unauthorized: { status: 401, title: "Missing, malformed, revoked or expired API key" },
  invalid_input: { status: 422, title: "The request has invalid fields" },
  malformed_json: { status: 400, title: "The body is not valid JSON" },
  unsupported_media_type: {
    status: 415,
    title: "The body must be application/json (or text/csv where the endpoint takes a file)",
  },
  payload_too_large: { status: 413, title: "The body is larger than 1 MiB" },
  not_found: { status: 404, title: "No such resource" },
  rate_limited: { status: 429, title: "Too many requests for this key" },
  idempotency_key_reused: {
    status: 422,
    title: "This Idempotency-Key was used with a different request",
  },
  idempotency_in_progress: {
    status: 409,
    title: "A request with this Idempotency-Key is still in progress",
  },
  unexpected: { status: 500, title: "Something went wrong on our side" },
  // Common
  forbidden: { status: 403, title: "This key may not do this" },
  weak_password: { status: 422, title: "The password is too weak" },
  unknown_time_zone: { status: 422, title: "Unknown time zone" },
  // API keys
  api_key_not_found: { status: 404, title: "No such API key" },
  api_key_name_taken: { status: 409, title: "Another live key has this name" },
  // First-run setup (not reachable through the API; listed so every code has a status)
  setup_closed: { status: 409, title: "Setup is closed" },
  setup_code_invalid: { status: 403, title: "The setup code is not valid" },
  // Webhooks
  batch_not_found: { status: 404, title: "No such invitation batch" },
  batch_empty: { status: 422, title: "The batch has no rows" },
  batch_too_large: { status: 413, title: "A batch takes at most 10,000 invitations" },
  batch_rate_limited: { status: 429, title: "Too many batches for this account in the last hour" },
  webhook_endpoint_not_found: { status: 404, title: "No such webhook endpoint" },
  webhook_delivery_not_found: { status: 404, title: "No such delivery of this endpoint" },
  webhook_url_refused: {
    status: 422,
    title: "Webhooks are not sent to this address",
  },
  webhook_endpoint_disabled: { status: 409, title: "The endpoint is turned off" },
  webhook_endpoint_limit: { status: 409, title: "The account has as many endpoints as it may" },
  // Contracts
  contract_not_found: { status: 404, title: "No such contract" },
  contract_in_use: { status: 409, title: "The contract is assigned to subaccounts" },
  contract_not_started: { status: 409, title: "The contract has not started" },
  contract_already_ended: { status: 409, title: "The contract has already ended" },
  // Invitations
  invitation_not_found: { status: 404, title: "No such invitation" },
  invitation_not_resendable: {
    status: 409,
    title: "Only pending or expired invitations can be resent",
  },
  invitation_not_cancelable: {
    status: 409,
    title: "Only pending or expired invitations can be canceled",
  },
  invitation_duplicate_pending: {
    status: 409,
    title: "A pending invitation to this address already exists",
  },
  invitation_rate_limited: {
    status: 429,
    title: "The account's hourly invitation limit is reached",
  },
  invitation_type_not_allowed: {
    status: 422,
    title: "This account may not create this type of subaccount",
  },
  invitation_not_acceptable: { status: 410, title: "The invitation can no longer be accepted" },
  resend_rate_limited: { status: 429, title: "This invitation has been sent too often" },
  address_not_correctable: {
    status: 409,
    title: "The address can be corrected only after the last email bounced or failed",
  },
  address_unchanged: { status: 422, title: "The corrected address is the same as before" },
  accept_rate_limited: { status: 429, title: "Too many attempts to accept this invitation" },
  export_rate_limited: { status: 429, title: "Too many exports at once" },
  invitation_not_extendable: { status: 409, title: "Only pending invitations can be extended" },
  template_not_found: { status: 404, title: "No such invitation template" },
  template_name_taken: { status: 409, title: "A template of this name exists" },
  invitation_not_pending: {
    status: 409,
    title: "Only a pending invitation's terms can be changed",
  },
  invitation_extension_limit: {
    status: 409,
    title: "The invitation already expires 90 days after it was first sent, the longest it may run",
  },
  invitation_not_sendable_again: {
    status: 409,
    title: "Only expired or canceled invitations can be sent again as a new invitation",
  },
  bulk_file_invalid: { status: 422, title: "The bulk upload file cannot be read" },
  // Subaccounts
  subaccount_not_found: { status: 404, title: "No such subaccount" },
  subaccount_locked_by_contract: {
    status: 409,
    title: "Billing and pricing are locked by the assigned contract",
  },
  subaccount_type_not_allowed: {
    status: 422,
    title: "This account may not create or grant this type of subaccount",
  },
  account_manager_not_found: {
    status: 422,
    title: "The account manager must be an active user of the account",
  },
  product_not_found: { status: 422, title: "No such product" },
  administrator_required: {
    status: 422,
    title: "Every subaccount but a Managed one needs its first Administrator",
  },
  // Users
  user_not_found: { status: 404, title: "No such user" },
  username_taken: { status: 409, title: "The username is taken" },
  last_administrator: { status: 409, title: "The account must keep an active Administrator" },
  cannot_change_self: { status: 409, title: "A user cannot change their own role or status" },
  set_password_link_invalid: { status: 410, title: "The link is no longer valid" },
  set_password_rate_limited: { status: 429, title: "Too many invalid links" },
  users_rate_limited: { status: 429, title: "Too many users were added in the last hour" },
  link_rate_limited: { status: 429, title: "Too many links were sent to this user today" },
  password_already_set: { status: 409, title: "The user has already chosen a password" },
  user_not_active: { status: 409, title: "The user is deactivated" },
};

/** A problem's `type`: a stable URI per code (RFC 9457 §3.1.1), documented in docs/api.md. */
export function problemType(code: ProblemCode): string {
  return `tag:certportal,2026:problem:${code}`;
}

export function problemFor(code: ProblemCode): { type: string; status: number; title: string } {
  const entry = TABLE[code];
  return { type: problemType(code), ...entry };
}

export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(TABLE, code);
}

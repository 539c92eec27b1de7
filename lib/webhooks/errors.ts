import { DomainError } from "@/lib/errors";

export const WEBHOOK_ERROR_CODES = [
  "webhook_endpoint_not_found",
  "webhook_delivery_not_found",
  "webhook_url_refused",
  "webhook_endpoint_disabled",
  "webhook_endpoint_limit",
] as const;
export class WebhookError extends DomainError<(typeof WEBHOOK_ERROR_CODES)[number]> {}

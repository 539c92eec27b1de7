import { DomainError } from "@/lib/errors";

export const BATCH_ERROR_CODES = [
  "batch_not_found",
  "batch_empty",
  "batch_too_large",
  "batch_rate_limited",
] as const;

export class BatchError extends DomainError<(typeof BATCH_ERROR_CODES)[number]> {}

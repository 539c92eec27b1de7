import { DomainError } from "@/lib/errors";

export const API_KEY_ERROR_CODES = ["api_key_not_found", "api_key_name_taken"] as const;
export class ApiKeyError extends DomainError<(typeof API_KEY_ERROR_CODES)[number]> {}

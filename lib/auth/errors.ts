import { DomainError } from "@/lib/errors";

export const AUTH_ERROR_CODES = ["setup_closed", "setup_code_invalid"] as const;

export class AuthError extends DomainError<(typeof AUTH_ERROR_CODES)[number]> {}

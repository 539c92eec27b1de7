import { DomainError } from "@/lib/errors";

export const SETUP_ERROR_CODES = ["setup_closed", "setup_code_invalid"] as const;

export class SetupError extends DomainError<(typeof SETUP_ERROR_CODES)[number]> {}

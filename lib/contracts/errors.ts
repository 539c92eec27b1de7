import { DomainError } from "@/lib/errors";

export const CONTRACT_ERROR_CODES = [
  "contract_not_found",
  "contract_in_use",
  "contract_not_started",
  "contract_already_ended",
] as const;

export class ContractError extends DomainError<(typeof CONTRACT_ERROR_CODES)[number]> {}

import { DomainError } from "@/lib/errors";

export const SUBACCOUNT_ERROR_CODES = [
  "subaccount_not_found",
  "subaccount_locked_by_contract",
  "subaccount_type_not_allowed",
  "contract_not_found",
  "account_manager_not_found",
  "product_not_found",
  "administrator_required",
  "forbidden",
] as const;

export class SubaccountError extends DomainError<(typeof SUBACCOUNT_ERROR_CODES)[number]> {}

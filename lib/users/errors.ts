import { DomainError } from "@/lib/errors";

export const USER_ERROR_CODES = [
  "user_not_found",
  "username_taken",
  "last_administrator",
  "cannot_change_self",
  "set_password_link_invalid",
  "set_password_rate_limited",
  "users_rate_limited",
  "link_rate_limited",
  "password_already_set",
  "user_not_active",
] as const;

export class UserError extends DomainError<(typeof USER_ERROR_CODES)[number]> {}

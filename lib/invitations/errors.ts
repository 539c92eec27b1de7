import { DomainError } from "@/lib/errors";

export const INVITATION_ERROR_CODES = [
  "invitation_not_found",
  "invitation_not_resendable",
  "invitation_not_cancelable",
  "invitation_duplicate_pending",
  "invitation_rate_limited",
  "invitation_type_not_allowed",
  "invitation_not_acceptable",
  "resend_rate_limited",
  "address_not_correctable",
  "address_unchanged",
  "accept_rate_limited",
  "export_rate_limited",
  "invitation_not_extendable",
  "invitation_extension_limit",
  "invitation_not_sendable_again",
  "bulk_file_invalid",
  "invitation_not_pending",
  "template_not_found",
  "template_name_taken",
] as const;

export class InvitationError extends DomainError<(typeof INVITATION_ERROR_CODES)[number]> {}

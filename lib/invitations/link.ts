import { env } from "@/lib/env";
import { derivedToken } from "@/lib/tokens";

/**
 * The link of an invitation's send: the same for the invitation email and its
 * reminder, a new one with every resend. Made from the server's secret, the
 * invitation's id and the send's number; only its hash is stored.
 */
export function invitationToken(invitationId: string, sendCount: number): string {
  return derivedToken(env().AUTH_SECRET, "invitation-link", `${invitationId}:${sendCount}`);
}

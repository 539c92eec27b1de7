import { route } from "@/lib/api/endpoint";
import { resendInvitationEndpoint } from "@/lib/api/v1/invitations";

export const POST = route(resendInvitationEndpoint);

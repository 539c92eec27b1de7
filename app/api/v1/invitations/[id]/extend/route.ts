import { route } from "@/lib/api/endpoint";
import { extendInvitationEndpoint } from "@/lib/api/v1/invitations";

export const POST = route(extendInvitationEndpoint);

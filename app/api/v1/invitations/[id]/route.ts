import { route } from "@/lib/api/endpoint";
import { getInvitationEndpoint } from "@/lib/api/v1/invitations";

export const GET = route(getInvitationEndpoint);

import { route } from "@/lib/api/endpoint";
import { cancelInvitationEndpoint } from "@/lib/api/v1/invitations";

export const POST = route(cancelInvitationEndpoint);

import { route } from "@/lib/api/endpoint";
import { createInvitations, listInvitationsEndpoint } from "@/lib/api/v1/invitations";

export const GET = route(listInvitationsEndpoint);
export const POST = route(createInvitations);

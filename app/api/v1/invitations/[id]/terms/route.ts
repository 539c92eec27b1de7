import { route } from "@/lib/api/endpoint";
import { changeInvitationTermsEndpoint } from "@/lib/api/v1/invitations";

export const PUT = route(changeInvitationTermsEndpoint);

import { route } from "@/lib/api/endpoint";
import { sendAgainEndpoint } from "@/lib/api/v1/invitations";

export const POST = route(sendAgainEndpoint);

import { route } from "@/lib/api/endpoint";
import { correctAddressEndpoint } from "@/lib/api/v1/invitations";

export const POST = route(correctAddressEndpoint);

import { route } from "@/lib/api/endpoint";
import { redeliverEndpoint } from "@/lib/api/v1/webhooks";

export const POST = route(redeliverEndpoint);

import { route } from "@/lib/api/endpoint";
import { createWebhookEndpointEndpoint, listWebhookEndpointsEndpoint } from "@/lib/api/v1/webhooks";

export const GET = route(listWebhookEndpointsEndpoint);
export const POST = route(createWebhookEndpointEndpoint);

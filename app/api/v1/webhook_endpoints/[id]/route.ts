import { route } from "@/lib/api/endpoint";
import {
  deleteWebhookEndpointEndpoint,
  getWebhookEndpointEndpoint,
  updateWebhookEndpointEndpoint,
} from "@/lib/api/v1/webhooks";

export const GET = route(getWebhookEndpointEndpoint);
export const PATCH = route(updateWebhookEndpointEndpoint);
export const DELETE = route(deleteWebhookEndpointEndpoint);

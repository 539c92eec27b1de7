import { route } from "@/lib/api/endpoint";
import { rotateWebhookSecretEndpoint } from "@/lib/api/v1/webhooks";

export const POST = route(rotateWebhookSecretEndpoint);

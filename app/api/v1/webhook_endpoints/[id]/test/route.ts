import { route } from "@/lib/api/endpoint";
import { sendTestEventEndpoint } from "@/lib/api/v1/webhooks";

export const POST = route(sendTestEventEndpoint);

import { route } from "@/lib/api/endpoint";
import { retryFailedEndpoint } from "@/lib/api/v1/webhooks";

export const POST = route(retryFailedEndpoint);

import { route } from "@/lib/api/endpoint";
import { batchResultEndpoint } from "@/lib/api/v1/invitation-batches";

export const GET = route(batchResultEndpoint);

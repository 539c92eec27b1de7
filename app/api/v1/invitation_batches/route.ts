import { route } from "@/lib/api/endpoint";
import { createBatchEndpoint } from "@/lib/api/v1/invitation-batches";

export const POST = route(createBatchEndpoint);

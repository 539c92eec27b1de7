import { route } from "@/lib/api/endpoint";
import { getBatchEndpoint } from "@/lib/api/v1/invitation-batches";

export const GET = route(getBatchEndpoint);

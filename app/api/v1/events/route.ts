import { route } from "@/lib/api/endpoint";
import { listEventsEndpoint } from "@/lib/api/v1/events";

export const GET = route(listEventsEndpoint);

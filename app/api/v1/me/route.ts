import { route } from "@/lib/api/endpoint";
import { meEndpoint } from "@/lib/api/v1/me";

export const GET = route(meEndpoint);

import { route } from "@/lib/api/endpoint";
import { putProductsEndpoint } from "@/lib/api/v1/subaccounts";

export const PUT = route(putProductsEndpoint);

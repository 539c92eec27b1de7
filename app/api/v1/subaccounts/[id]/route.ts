import { route } from "@/lib/api/endpoint";
import { getSubaccountEndpoint, updateSubaccountEndpoint } from "@/lib/api/v1/subaccounts";

export const GET = route(getSubaccountEndpoint);
export const PATCH = route(updateSubaccountEndpoint);

import { route } from "@/lib/api/endpoint";
import { deactivateSubaccountEndpoint } from "@/lib/api/v1/subaccounts";

export const POST = route(deactivateSubaccountEndpoint);

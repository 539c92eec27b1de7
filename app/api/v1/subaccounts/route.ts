import { route } from "@/lib/api/endpoint";
import { createSubaccountEndpoint, listSubaccountsEndpoint } from "@/lib/api/v1/subaccounts";

export const GET = route(listSubaccountsEndpoint);
export const POST = route(createSubaccountEndpoint);

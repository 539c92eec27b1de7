import { route } from "@/lib/api/endpoint";
import { reactivateSubaccountEndpoint } from "@/lib/api/v1/subaccounts";

export const POST = route(reactivateSubaccountEndpoint);

import { CERTCENTRAL_DIALECT, certCentralInviteInfo } from "@/lib/api/certcentral";
import { route } from "@/lib/api/endpoint";

export const GET = route(certCentralInviteInfo, CERTCENTRAL_DIALECT);

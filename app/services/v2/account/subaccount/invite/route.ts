import {
  CERTCENTRAL_DIALECT,
  certCentralInvite,
  certCentralListInvites,
} from "@/lib/api/certcentral";
import { route } from "@/lib/api/endpoint";

export const GET = route(certCentralListInvites, CERTCENTRAL_DIALECT);
export const POST = route(certCentralInvite, CERTCENTRAL_DIALECT);

import { route } from "@/lib/api/endpoint";
import {
  getInvitationSettingsEndpoint,
  updateInvitationSettingsEndpoint,
} from "@/lib/api/v1/invitation-settings";

export const GET = route(getInvitationSettingsEndpoint);
export const PATCH = route(updateInvitationSettingsEndpoint);

import { z } from "zod";
import { requiredText } from "@/lib/actions/fields";
import { API_KEY_SCOPES } from "@/lib/enums";
import { API_KEY_MAX_EXPIRY_DAYS, API_KEY_NAME_MAX } from "./rules";

/** A new key: its name, what it may do, and in how many days it stops working (null: never). */
export const newApiKeyInput = z.strictObject({
  name: requiredText(API_KEY_NAME_MAX),
  scope: z.enum(API_KEY_SCOPES),
  expiresInDays: z.number().int().min(1).max(API_KEY_MAX_EXPIRY_DAYS).nullable().default(null),
});
export type NewApiKey = z.output<typeof newApiKeyInput>;

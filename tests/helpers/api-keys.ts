import type { Db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/manage";
import type { ApiKeyScope } from "@/lib/enums";

export const KEY_MADE_AT = new Date("2026-03-01T08:00:00Z");

/** A key an Administrator makes on the API keys page, and the actor it stands for. */
export async function apiKeyOf(
  db: Db,
  admin: Actor,
  options: { name?: string; scope?: ApiKeyScope; expiresInDays?: number | null; now?: Date } = {},
) {
  const now = options.now ?? KEY_MADE_AT;
  const made = await createApiKey(
    db,
    admin,
    {
      name: options.name ?? "CRM",
      scope: options.scope ?? "write",
      expiresInDays: options.expiresInDays ?? null,
    },
    now,
  );
  const actor = await authenticateApiKey(db, made.key, { now, ip: "203.0.113.9" });
  if (!actor) throw new Error("a new key did not authenticate");
  return { ...made, actor };
}

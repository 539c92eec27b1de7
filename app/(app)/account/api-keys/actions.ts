"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { newApiKeyInput } from "@/lib/api-keys/inputs";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage";

/** The create form: its three fields, an empty expiry as none. */
const createForm = z.preprocess((raw) => {
  const form = (raw ?? {}) as Record<string, unknown>;
  const days = typeof form.expiresInDays === "string" ? form.expiresInDays.trim() : "";
  return {
    name: form.name,
    scope: form.scope,
    expiresInDays: days === "" ? null : Number(days),
  };
}, newApiKeyInput);

export const createKey = action(
  { permission: "apiKeys.manage", input: createForm },
  async (input, { actor, db, now }) => {
    const { key } = await createApiKey(db, actor, input, now);
    revalidatePath("/account/api-keys");
    // The key travels once, in this answer; the page shows it until it is left.
    return { ok: true, message: "apiKeys.created", params: { name: input.name, key } };
  },
);

export const revokeKey = action(
  { permission: "apiKeys.manage", input: z.object({ id: z.uuid(), name: z.string().max(200) }) },
  async ({ id, name }, { actor, db, now }) => {
    await revokeApiKey(db, actor, { id }, now);
    revalidatePath("/account/api-keys");
    return { ok: true, message: "apiKeys.revoked", params: { name } };
  },
);

import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { loadActor } from "@/lib/auth/sign-in";
import { DomainError } from "@/lib/errors";
import { newApiKeyInput } from "./inputs";
import { createApiKey } from "./manage";

const USAGE =
  "usage: npm run api-key -- create --username USER --name NAME --scope read|write [--expires DAYS]";

/**
 * The operator's command, on the same use case as the API keys page: the key
 * acts for the named Administrator, and the key itself is the last line.
 */
export async function runApiKeyCommand(
  db: Db,
  positionals: string[],
  options: { username?: string; name?: string; scope?: string; expires?: string },
  now: Date,
): Promise<{ ok: boolean; lines: string[] }> {
  if (positionals[0] !== "create" || !options.username) return { ok: false, lines: [USAGE] };
  const input = newApiKeyInput.safeParse({
    name: options.name ?? "",
    scope: options.scope,
    expiresInDays: options.expires === undefined ? null : Number(options.expires),
  });
  if (!input.success)
    return {
      ok: false,
      lines: [
        ...input.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`),
        USAGE,
      ],
    };
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, options.username.trim().toLowerCase()));
  const actor = user ? await loadActor(db, user.id) : null;
  if (!actor)
    return { ok: false, lines: [`No active user "${options.username}" who can sign in.`] };
  try {
    const made = await createApiKey(db, actor, input.data, now);
    return {
      ok: true,
      lines: [
        `API key "${input.data.name}" (${input.data.scope}) created for ${actor.username} of ${actor.accountName}` +
          (made.expiresAt ? `, valid until ${made.expiresAt.toISOString()}.` : ", without expiry."),
        "Shown only now; CertPortal keeps only its SHA-256:",
        made.key,
      ],
    };
  } catch (error) {
    if (error instanceof DomainError)
      return {
        ok: false,
        lines: [
          error.code === "forbidden"
            ? `${actor.username} is not an Administrator; only Administrators make keys.`
            : `Refused: ${error.code}`,
        ],
      };
    throw error;
  }
}

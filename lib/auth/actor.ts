import type { AccountType, ApiKeyScope, Locale, Role } from "@/lib/enums";

/** The signed-in person, as every page and action sees them: re-read from the database on each request. */
export type Actor = {
  userId: string;
  accountId: string;
  role: Role;
  username: string;
  name: string;
  email: string;
  accountName: string;
  accountType: AccountType;
  locale: Locale | null;
  /** Their IANA time zone, or null before their first sign-in (shown as UTC). */
  timeZone: string | null;
  /**
   * Set when a script acts through the API: the key, acting as the user above
   * (who made it) within its scope. What it changes is attributed to the key by name.
   */
  apiKey?: { id: string; name: string; scope: ApiKeyScope } | null;
};

/** Who wrote an invitation event: the user, and the key when it came through the API. */
export function eventActor(actor: Actor) {
  return { actorUserId: actor.userId, actorApiKeyId: actor.apiKey?.id ?? null };
}

import { randomInt } from "node:crypto";

/**
 * What an API key looks like: `cp_live_` and 40 base62 characters (about 238
 * random bits). The fixed prefix lets secret scanners recognise a leaked key.
 */
export const API_KEY_PREFIX = "cp_live_";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 40;
/** How much of a key the list shows, to tell keys apart: the prefix and four characters. */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 4;

export const API_KEY_NAME_MAX = 64;
/** The longest expiry a key may be given, in days; none at all is also allowed. */
export const API_KEY_MAX_EXPIRY_DAYS = 3650;
/** A key's last use is written at most this often, so a busy key does not write on every call. */
export const LAST_USED_INTERVAL_SECONDS = 60;

export function newApiKey(): string {
  let random = "";
  // randomInt draws without modulo bias.
  for (let i = 0; i < RANDOM_LENGTH; i++) random += BASE62[randomInt(BASE62.length)];
  return API_KEY_PREFIX + random;
}

/** A cheap shape check before any database work. */
export function looksLikeApiKey(value: string): boolean {
  return /^cp_live_[0-9A-Za-z]{32,64}$/.test(value);
}

export function shownPart(key: string): string {
  return key.slice(0, SHOWN_LENGTH);
}

export type ApiKeyStatus = "active" | "expired" | "revoked";

export function apiKeyStatus(
  key: { revokedAt: Date | null; expiresAt: Date | null },
  now: Date,
): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** Whether this request should record the key's use: not again within the interval. */
export function isLastUseStale(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_INTERVAL_SECONDS * 1000;
}

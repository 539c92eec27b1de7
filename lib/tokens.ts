import { createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe. Only ever placed in an email; never stored or logged. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A cheap shape check before any database work: 32 bytes in base64url is 43 characters. */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * A token that the server can make again, and no one else: HMAC-SHA256 under a
 * key of its own derived from the server's secret (HKDF, by `purpose`), over
 * `subject`. Stored as its hash like any other; made again where a later email
 * must carry the same link (an invitation's reminder), so no link is ever kept.
 */
export function derivedToken(secret: string, purpose: string, subject: string): string {
  const key = Buffer.from(hkdfSync("sha256", secret, "", `certportal:${purpose}`, 32));
  return createHmac("sha256", key).update(subject, "utf8").digest("base64url");
}

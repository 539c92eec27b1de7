import { createHash, randomBytes } from "node:crypto";

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

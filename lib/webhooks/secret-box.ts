import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Signing secrets at rest: a delivery must sign with the secret itself, so it
 * is encrypted (AES-256-GCM), not hashed, with a key derived from AUTH_SECRET
 * (HKDF-SHA256, its own label, so the key is no other use's). Written
 * `v1.{iv}.{tag}.{ciphertext}` in base64url; a row read without the right
 * AUTH_SECRET fails its tag rather than signing with garbage.
 */

const LABEL = "certportal webhook signing secrets v1";

function keyFrom(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, Buffer.alloc(0), LABEL, 32));
}

let cached: { from: string; key: Buffer } | null = null;
function key(): Buffer {
  const secret = env().AUTH_SECRET;
  if (cached?.from !== secret) cached = { from: secret, key: keyFrom(secret) };
  return cached.key;
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), sealed]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function openSecret(stored: string): string {
  const [version, iv, tag, sealed] = stored.split(".");
  if (version !== "v1" || !iv || !tag || sealed === undefined)
    throw new Error("not a sealed webhook secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"), {
    authTagLength: 16,
  });
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(sealed, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}

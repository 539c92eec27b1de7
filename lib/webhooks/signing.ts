import { createHmac, randomBytes } from "node:crypto";

/**
 * Standard Webhooks signatures: `whsec_` and the base64 of a 32-byte key; the
 * signed content is `{webhook-id}.{webhook-timestamp}.{body}`, signed with
 * HMAC-SHA256 and sent as `v1,{base64}`, one per secret in use (two while a
 * rotated secret is still honoured), separated by spaces.
 */

const PREFIX = "whsec_";

export function newSigningSecret(): string {
  return `${PREFIX}${randomBytes(32).toString("base64")}`;
}

const SECRET = /^whsec_[A-Za-z0-9+/]{4,}={0,2}$/;

/** The key of a secret written as Standard Webhooks writes them; anything else is refused. */
function keyOf(secret: string): Buffer {
  if (!SECRET.test(secret)) throw new Error("not a Standard Webhooks secret");
  return Buffer.from(secret.slice(PREFIX.length), "base64");
}

export function signatureHeaders(
  secrets: string[],
  message: { id: string; timestamp: Date; body: string },
): Record<string, string> {
  const seconds = Math.floor(message.timestamp.getTime() / 1000);
  const content = `${message.id}.${seconds}.${message.body}`;
  return {
    "webhook-id": message.id,
    "webhook-timestamp": String(seconds),
    "webhook-signature": secrets
      .map((secret) => `v1,${createHmac("sha256", keyOf(secret)).update(content).digest("base64")}`)
      .join(" "),
  };
}

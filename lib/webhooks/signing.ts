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

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
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

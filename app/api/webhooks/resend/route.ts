import { Webhook } from "standardwebhooks";
import { z } from "zod";
import { getDb } from "@/db";
import { type ProviderEvent, recordProviderEvent } from "@/lib/email/provider-events";
// What a report means for an invitation's email.
import "@/lib/invitations/email-outcomes";
import { env } from "@/lib/env";
import { readLimited } from "@/lib/http/body";

export const dynamic = "force-dynamic";

// Resend's reports are a few hundred bytes; nothing near this is verified or parsed.
const MAX_BODY_BYTES = 64 * 1024;

const RECORDED: Record<string, ProviderEvent["type"]> = {
  "email.delivered": "delivered",
  "email.bounced": "bounced",
  "email.complained": "complained",
};

const reportedEvent = z.object({
  type: z.string(),
  created_at: z.string().pipe(z.coerce.date()),
  data: z.object({
    email_id: z.string().max(200),
    // A long reason is shortened, not refused: a refusal would be retried forever.
    bounce: z.object({ message: z.string().transform((m) => m.slice(0, 500)) }).optional(),
  }),
});

/**
 * Resend's delivery reports, signed as Standard Webhooks (the library the
 * Resend SDK verifies with). Without a configured secret the endpoint does not exist.
 */
export async function POST(request: Request) {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) return new Response(null, { status: 404 });
  const body = await readLimited(request, MAX_BODY_BYTES);
  if (body === null) return new Response("payload too large", { status: 413 });
  const payload = body.toString("utf8");
  const eventId = request.headers.get("webhook-id") ?? "";
  let raw: unknown;
  try {
    raw = new Webhook(secret).verify(payload, {
      "webhook-id": eventId,
      "webhook-timestamp": request.headers.get("webhook-timestamp") ?? "",
      "webhook-signature": request.headers.get("webhook-signature") ?? "",
    });
  } catch {
    return new Response("invalid signature", { status: 400 });
  }
  // Event types we do not record are acknowledged, so the provider stops retrying them.
  const type = z.object({ type: z.string() }).safeParse(raw);
  const recorded = type.success ? RECORDED[type.data.type] : undefined;
  if (!recorded) return new Response(null, { status: 204 });
  const event = reportedEvent.safeParse(raw);
  if (!event.success) return new Response("unexpected payload", { status: 400 });
  const { created_at: at, data } = event.data;
  await recordProviderEvent(
    await getDb(),
    {
      eventId,
      type: recorded,
      providerMessageId: data.email_id,
      at,
      reason: data.bounce?.message,
    },
    new Date(),
  );
  return new Response(null, { status: 204 });
}

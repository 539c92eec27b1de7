import { Webhook } from "standardwebhooks";
import { z } from "zod";
import { getDb } from "@/db";
import { recordProviderEvent } from "@/lib/email/provider-events";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const reportedEvent = z.object({
  type: z.string(),
  created_at: z.string().pipe(z.coerce.date()),
  data: z.object({
    email_id: z.string().max(200),
    bounce: z.object({ message: z.string().max(500) }).optional(),
  }),
});

/**
 * Resend's delivery reports, signed as Standard Webhooks (the library the
 * Resend SDK verifies with). Without a configured secret the endpoint does not exist.
 */
export async function POST(request: Request) {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) return new Response(null, { status: 404 });
  const payload = await request.text();
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
  const event = reportedEvent.safeParse(raw);
  if (!event.success) return new Response("unexpected payload", { status: 400 });
  const { type, created_at: at, data } = event.data;
  if (type === "email.delivered" || type === "email.bounced") {
    await recordProviderEvent(await getDb(), {
      eventId,
      type: type === "email.delivered" ? "delivered" : "bounced",
      providerMessageId: data.email_id,
      at,
      reason: data.bounce?.message,
    });
  }
  return new Response(null, { status: 204 });
}

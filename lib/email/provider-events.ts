import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { emailOutbox } from "@/db/schema";
import { type ProviderReport, reported } from "./outbox/outcomes";

export type ProviderEvent = ProviderReport;

/**
 * Records what the mail provider reports about a message, by telling the
 * handlers of its outcomes (for an invitation's email, an event on its
 * timeline), in one transaction. Unknown messages are ignored, and a report is
 * recorded once however often (and however concurrently) it arrives.
 */
export async function recordProviderEvent(
  db: Db,
  event: ProviderEvent,
  now: Date,
): Promise<"recorded" | "ignored"> {
  const [message] = await db
    .select({
      id: emailOutbox.id,
      idempotencyKey: emailOutbox.idempotencyKey,
      template: emailOutbox.template,
      topic: emailOutbox.topic,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.providerMessageId, event.providerMessageId));
  if (!message) return "ignored";
  const news = await db.transaction((tx) => reported(tx, message, event, now));
  return news ? "recorded" : "ignored";
}

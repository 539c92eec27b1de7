import { type Db, getDb } from "@/db";
import { env } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { deliverWebhooks, type WebhookReport } from "./deliver";

/** One turn of delivery for the in-app poller, the separate worker and a kick after a commit. */
const TURN_MS = 50_000;

export async function runWebhooksOnce(db: Db): Promise<WebhookReport> {
  return deliverWebhooks(db, {
    allowLoopback: env().webhooksAllowLoopback,
    appUrl: env().APP_URL,
    until: new Date(Date.now() + TURN_MS),
  });
}

let turn: Promise<void> | null = null;
let again = false;

/**
 * Delivers what a change just queued. Kicks while a turn is under way fold
 * into one more turn after it, so a burst of changes runs one worker, not one each.
 */
export function kickWebhooks(): Promise<void> {
  if (turn) {
    again = true;
    return turn;
  }
  turn = (async () => {
    do {
      again = false;
      await runWebhooksOnce(await getDb());
    } while (again);
  })()
    .catch((error: unknown) =>
      console.error("Webhook delivery failed; it will be retried:", describeError(error)),
    )
    .finally(() => (turn = null));
  return turn;
}

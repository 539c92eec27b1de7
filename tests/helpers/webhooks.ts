import type { Db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import type { Clock } from "@/lib/background/clock";
import { deliverWebhooks, type WebhookWorkOptions } from "@/lib/webhooks/deliver";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import type { NewWebhookEndpoint } from "@/lib/webhooks/inputs";

/** Receivers in the tests listen on 127.0.0.1, which WEBHOOKS_ALLOW_LOOPBACK lets through. */
export const LOCAL_RULES = { allowLoopback: true } as const;

/** An endpoint made as the Administrator would on the Webhooks page. */
export function endpointFor(
  db: Db,
  admin: Actor,
  url: string,
  options: Partial<NewWebhookEndpoint> & { now?: Date } = {},
) {
  const { now = new Date(), ...input } = options;
  return createWebhookEndpoint(
    db,
    admin,
    { description: "", eventTypes: null, enabled: true, ...input, url },
    now,
    LOCAL_RULES,
  );
}

/** A clock the test moves by hand; sleeping moves it too. */
export function manualClock(
  start: Date,
): Clock & { set(at: Date): void; advance(ms: number): void } {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    sleep: async (ms) => void (at += ms),
    set: (to) => void (at = to.getTime()),
    advance: (ms) => void (at += ms),
  };
}

/** One turn of the webhook worker, as the poller runs it, on the given clock. */
export function deliverNow(db: Db, options: Partial<WebhookWorkOptions> = {}) {
  return deliverWebhooks(db, { ...LOCAL_RULES, appUrl: "https://portal.example", ...options });
}

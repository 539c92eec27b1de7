import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, users, type webhookEndpoints } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderWebhookDisabledEmail } from "@/lib/email/render";

/**
 * Tells the account's active Administrators, each in their language, that
 * delivery turned one of their endpoints off. Queued in the transaction that
 * turns it off: both happen, or neither.
 */
export async function notifyEndpointDisabled(
  tx: Db,
  endpoint: typeof webhookEndpoints.$inferSelect,
  now: Date,
  appUrl: string,
) {
  const admins = await tx
    .select({
      id: users.id,
      email: users.email,
      firstName: users.firstName,
      locale: users.locale,
      accountName: accounts.name,
    })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(
      and(
        eq(users.accountId, endpoint.accountId),
        eq(users.role, "administrator"),
        eq(users.status, "active"),
      ),
    );
  for (const admin of admins) {
    const email = await renderWebhookDisabledEmail({
      locale: admin.locale ?? "en",
      firstName: admin.firstName,
      accountName: admin.accountName,
      endpointUrl: endpoint.url,
      failingSince: endpoint.failingSince ?? now,
      endpointPageUrl: `${appUrl}/account/webhooks/${endpoint.id}`,
    });
    await enqueueEmail(tx, {
      to: admin.email,
      email,
      template: "webhook-disabled",
      idempotencyKey: `webhook-disabled:${endpoint.id}:${now.getTime()}:${admin.id}`,
      now,
    });
  }
}

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox, invitationEvents, invitations } from "@/db/schema";
import { deliverDue } from "@/lib/email/outbox";
import { recordProviderEvent } from "@/lib/email/provider-events";
import { devMailboxTransport, type EmailTransport } from "@/lib/email/transport";
import { setupTestDb } from "@/tests/helpers/db";
import { INVITATION_DEPS as deps, invite } from "@/tests/helpers/invitations";
import { invitationListParams, listInvitations } from "./queries";
import { viewInvitationToken } from "./accept";
import { resendInvitation } from "./send";
import { invitationTopic } from "@/lib/invitations/delivery";

const t = setupTestDb();
const now = new Date("2026-09-01T10:00:00Z");
const options = {
  from: "x@example.com",
  requestsPerSecond: 1000,
  clock: { now: () => now, sleep: async () => {} },
};
const refusing: EmailTransport = {
  name: "refusing",
  maxBatch: 100,
  sendBatch: async (emails) => ({
    kind: "accepted",
    results: emails.map(() => ({ ok: false as const, reason: "The address is not valid." })),
  }),
};

const delivery = async (id: string) =>
  (await t.db.select().from(invitations).where(eq(invitations.id, id)))[0]!.deliveryStatus;

async function messageOf(id: string) {
  const rows = await t.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.topic, invitationTopic(id)));
  return rows.at(-1)!;
}

describe("an invitation's delivery", () => {
  it("follows its latest email: sending, sent, delivered, bounced; reports about a replaced email change nothing", async () => {
    const { actor, id } = await invite(t.db, { email: "dee@example.com", now });
    expect(await delivery(id)).toBe("sending");
    await deliverDue(t.db, devMailboxTransport(t.db), options);
    expect(await delivery(id)).toBe("sent");
    const first = await messageOf(id);
    const report = (
      type: "delivered" | "bounced",
      eventId: string,
      messageId = first.providerMessageId!,
    ) => recordProviderEvent(t.db, { eventId, type, providerMessageId: messageId, at: now }, now);
    await report("delivered", "e1");
    expect(await delivery(id)).toBe("delivered");
    await report("bounced", "e2");
    expect(await delivery(id)).toBe("bounced");

    await resendInvitation(t.db, actor, { id }, now, deps);
    expect(await delivery(id)).toBe("sending");
    await report("bounced", "e3");
    expect(await delivery(id)).toBe("sending");
  });

  it("shows a refused email as failed, and sends it to a corrected address with a new link", async () => {
    const { actor, id, token } = await invite(t.db, { email: "typo@exmaple.com", now });
    await deliverDue(t.db, refusing, options);
    expect(await delivery(id)).toBe("failed");
    const problems = await listInvitations(
      t.db,
      actor.accountId,
      invitationListParams.parse({ delivery: "problems" }),
      now,
    );
    expect(problems.rows.map((r) => [r.email, r.deliveryStatus])).toEqual([
      ["typo@exmaple.com", "failed"],
    ]);

    const { token: fresh } = await resendInvitation(
      t.db,
      actor,
      { id, email: "typo@example.com" },
      now,
      deps,
    );
    expect((await viewInvitationToken(t.db, token, now)).state).toBe("replaced");
    expect((await viewInvitationToken(t.db, fresh, now)).state).toBe("valid");
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect(row).toMatchObject({ email: "typo@example.com", deliveryStatus: "sending" });
    expect((await messageOf(id)).toAddress).toBe("typo@example.com");
    const events = await t.db
      .select()
      .from(invitationEvents)
      .where(eq(invitationEvents.invitationId, id));
    expect(events.find((e) => e.type === "address_corrected")?.detail).toEqual({
      from: "typo@exmaple.com",
      to: "typo@example.com",
    });
  });

  it("refuses to change the address of an invitation whose email did not fail", async () => {
    const { actor, id } = await invite(t.db, { email: "fine@example.com", now });
    await expect(
      resendInvitation(t.db, actor, { id, email: "other@example.com" }, now, deps),
    ).rejects.toMatchObject({ code: "address_not_correctable" });
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect(row!.email).toBe("fine@example.com");
  });
});

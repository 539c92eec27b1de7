import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitationBatches, invitations } from "@/db/schema";
import { extendInvitation } from "@/lib/invitations/extend";
import { invitationListParams } from "@/lib/invitations/queries";
import { cancelInvitation } from "@/lib/invitations/send";
import { addDays } from "@/lib/invitations/status";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { APP_DEPS } from "@/tests/helpers/fixtures";
import { invite } from "@/tests/helpers/invitations";
import { getBatch } from "./queries";
import { runDueBatches } from "./run";
import { actOnSelection, planAction } from "./select";

const t = setupTestDb();
const now = new Date("2026-03-01T09:00:00Z");

/** Three invitations of one account: one pending, one canceled, one extended to its ceiling. */
async function three() {
  const admin = await makeActor(t.db);
  const sent = async (email: string) => (await invite(t.db, { actor: admin, email, now })).id;
  const pending = await sent("pending@example.com");
  const canceled = await sent("canceled@example.com");
  const longest = await sent("longest@example.com");
  await cancelInvitation(t.db, admin, { id: canceled }, now);
  await extendInvitation(t.db, admin, { id: longest }, now);
  await extendInvitation(t.db, admin, { id: longest }, now);
  return { admin, ids: { pending, canceled, longest } };
}

async function statuses(ids: string[]) {
  const rows = await t.db
    .select({
      email: invitations.email,
      status: invitations.status,
      sendCount: invitations.sendCount,
    })
    .from(invitations)
    .where(inArray(invitations.id, ids))
    .orderBy(invitations.email);
  return rows;
}

describe("an action on chosen invitations", () => {
  it("plans how many it changes and which it skips why, leaving out another account's, and writes nothing", async () => {
    const { admin, ids } = await three();
    const foreign = (await invite(t.db, { email: "theirs@example.com", now })).id;
    const selection = { ids: [ids.pending, ids.canceled, ids.longest, foreign] };
    expect(await planAction(t.db, admin, { kind: "extend", selection }, now)).toEqual({
      kind: "extend",
      selected: 3,
      acting: 1,
      skipped: { canceled: 1, at_ceiling: 1 },
      background: false,
    });
    expect(await planAction(t.db, admin, { kind: "resend", selection }, now)).toMatchObject({
      selected: 3,
      acting: 2,
      skipped: { canceled: 1 },
    });
    // Later, the pending one has expired: it may be resent, not extended.
    expect(
      await planAction(t.db, admin, { kind: "extend", selection }, addDays(now, 31)),
    ).toMatchObject({ acting: 0, skipped: { expired: 1, canceled: 1, at_ceiling: 1 } });
    expect(await t.db.$count(invitationBatches)).toBe(0);
  });

  it("acts on up to 100 before it answers, through the same use case as one click, and skips the rest", async () => {
    const { admin, ids } = await three();
    const result = await actOnSelection(
      t.db,
      admin,
      { kind: "cancel", selection: { ids: Object.values(ids) } },
      now,
      APP_DEPS,
    );
    expect(result.background).toBe(false);
    expect(await getBatch(t.db, admin, result.id)).toMatchObject({
      kind: "cancel",
      status: "completed",
      total: 2,
      succeeded: 2,
    });
    expect((await statuses(Object.values(ids))).map((r) => r.status)).toEqual([
      "canceled",
      "canceled",
      "canceled",
    ]);
    // Nothing left to cancel: refused, and no batch is made.
    await expect(
      actOnSelection(
        t.db,
        admin,
        { kind: "cancel", selection: { ids: [ids.canceled] } },
        now,
        APP_DEPS,
      ),
    ).rejects.toMatchObject({ code: "batch_empty" });
  });

  it("takes every invitation matching a filter, and leaves more than 100 to the background", async () => {
    const admin = await makeActor(t.db);
    for (let i = 0; i < 101; i++)
      await invite(t.db, { actor: admin, email: `chase.${i}@example.com`, now });
    await invite(t.db, { actor: admin, email: "other@example.com", now });
    const selection = { filter: invitationListParams.parse({ q: "chase." }) };
    expect(await planAction(t.db, admin, { kind: "extend", selection }, now)).toMatchObject({
      selected: 101,
      acting: 101,
      background: true,
    });
    const { id, background } = await actOnSelection(
      t.db,
      admin,
      { kind: "extend", selection },
      now,
      APP_DEPS,
    );
    expect(background).toBe(true);
    expect(await getBatch(t.db, admin, id)).toMatchObject({
      status: "queued",
      done: 0,
      total: 101,
    });
    await runDueBatches(t.db, APP_DEPS, { now: () => now });
    expect(await getBatch(t.db, admin, id)).toMatchObject({ status: "completed", succeeded: 101 });
    const extended = await t.db
      .select({ email: invitations.email })
      .from(invitations)
      .where(eq(invitations.expiresAt, addDays(now, 60)));
    expect(extended).toHaveLength(101);
    expect(extended.some((r) => r.email === "other@example.com")).toBe(false);
  });
});

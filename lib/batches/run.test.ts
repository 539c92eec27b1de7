import { spawn } from "node:child_process";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import {
  emailOutbox,
  invitationBatchRows,
  invitationBatches,
  invitations,
  users,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { type PreviewRow, previewOf } from "@/lib/invitations/bulk/preview";
import { makeActor } from "@/tests/helpers/actors";
import { separateDatabase, setupTestDb } from "@/tests/helpers/db";
import { APP_DEPS } from "@/tests/helpers/fixtures";
import { invite } from "@/tests/helpers/invitations";
import { createActionBatch, createInviteBatch } from "./create";
import { batchIsOpen } from "./kinds";
import { getBatch } from "./queries";
import { LEASE_MS, runDueBatches } from "./run";

const t = setupTestDb();
const now = new Date("2026-03-01T09:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

/** A checked upload of `n` good rows, and a refused one after every tenth. */
function upload(n: number): PreviewRow[] {
  const rows: PreviewRow[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({
      row: rows.length + 2,
      email: `customer${i}@example.com`,
      input: {
        email: `customer${i}@example.com`,
        subaccountType: "retail",
        customMessage: null,
        locale: i % 2 ? "de" : "en",
        firstName: null,
        lastName: null,
        company: null,
      },
      problems: [],
    });
    if (i % 10 === 9)
      rows.push({
        row: rows.length + 2,
        email: "not-an-address",
        input: null,
        problems: ["email_invalid"],
      });
  }
  return rows;
}

async function rowsOf(db: Db, batchId: string) {
  return db
    .select()
    .from(invitationBatchRows)
    .where(eq(invitationBatchRows.batchId, batchId))
    .orderBy(invitationBatchRows.row);
}

describe("a bulk upload's batch", () => {
  it("queues nothing for a file without one row to send", async () => {
    const actor = await makeActor(t.db);
    const refused = upload(10).filter((r) => r.problems.length > 0);
    await expect(
      createInviteBatch(t.db, actor, { preview: previewOf(refused) }, now),
    ).rejects.toMatchObject({ code: "batch_empty" });
    expect(await t.db.$count(invitationBatches)).toBe(0);
  });

  it("is open, as its page says, exactly while a worker would still take it", async () => {
    const actor = await makeActor(t.db);
    const { id } = await createInviteBatch(t.db, actor, { preview: previewOf(upload(2)) }, now);
    expect(batchIsOpen((await getBatch(t.db, actor, id)).status)).toBe(true);
    expect(await runDueBatches(t.db, APP_DEPS, { now: () => later(1000) })).toBeGreaterThan(0);
    expect(batchIsOpen((await getBatch(t.db, actor, id)).status)).toBe(false);
    expect(await runDueBatches(t.db, APP_DEPS, { now: () => later(2000) })).toBe(0);
  });

  it("invites every good row once, keeps the refused ones with their problem, and completes", async () => {
    const actor = await makeActor(t.db);
    const { id } = await createInviteBatch(
      t.db,
      actor,
      { preview: previewOf(upload(30)), fileName: "q1.csv" },
      now,
    );
    expect(await getBatch(t.db, actor, id)).toMatchObject({
      status: "queued",
      total: 33,
      done: 3,
      succeeded: 0,
    });
    // Nothing is invited before a worker runs it.
    expect(await t.db.$count(invitations)).toBe(0);

    await runDueBatches(t.db, APP_DEPS, { now: () => later(1000) });

    expect(await getBatch(t.db, actor, id)).toMatchObject({
      status: "completed",
      total: 33,
      done: 33,
      succeeded: 30,
      skipped: 3,
    });
    const rows = await rowsOf(t.db, id);
    expect(rows.filter((r) => r.outcome === "invited")).toHaveLength(30);
    expect(rows.filter((r) => r.outcome === "email_invalid").map((r) => r.row)).toEqual([
      12, 23, 34,
    ]);
    const made = await t.db.select().from(invitations);
    expect(made).toHaveLength(30);
    expect(new Set(made.map((i) => i.id))).toEqual(
      new Set(rows.flatMap((r) => (r.invitationId ? [r.invitationId] : []))),
    );
    // Each in its own language, by the person who uploaded the file, with its email queued.
    expect(made.find((i) => i.email === "customer1@example.com")).toMatchObject({
      locale: "de",
      sentBy: actor.userId,
    });
    expect(await t.db.$count(emailOutbox)).toBe(30);
  });

  it("records a row refused when its turn comes (already pending) and goes on", async () => {
    const actor = await makeActor(t.db);
    await invite(t.db, { actor, email: "customer3@example.com" });
    const { id } = await createInviteBatch(t.db, actor, { preview: previewOf(upload(5)) }, now);
    await runDueBatches(t.db, APP_DEPS, { now: () => later(1000) });
    const rows = await rowsOf(t.db, id);
    expect(rows.map((r) => r.outcome)).toEqual([
      "invited",
      "invited",
      "invited",
      "invitation_duplicate_pending",
      "invited",
    ]);
    expect(await getBatch(t.db, actor, id)).toMatchObject({ succeeded: 4, skipped: 1 });
  });

  it("fails as a whole, inviting no one more, once its uploader may no longer invite", async () => {
    const actor = await makeActor(t.db);
    const { id } = await createInviteBatch(t.db, actor, { preview: previewOf(upload(60)) }, now);
    await runDueBatches(t.db, APP_DEPS, { now: () => later(1000), maxChunks: 1 });
    await t.db.update(users).set({ role: "user" }).where(eq(users.id, actor.userId));
    await runDueBatches(t.db, APP_DEPS, { now: () => later(LEASE_MS + 2000) });
    const batch = await getBatch(t.db, actor, id);
    expect(batch).toMatchObject({ status: "failed", error: "forbidden", succeeded: 25 });
    expect(await t.db.$count(invitations)).toBe(25);
  });

  it("is run by one worker at a time: a second finds it held until the lease runs out", async () => {
    const actor = await makeActor(t.db);
    const { id } = await createInviteBatch(t.db, actor, { preview: previewOf(upload(60)) }, now);
    expect(await runDueBatches(t.db, APP_DEPS, { now: () => later(1000), maxChunks: 1 })).toBe(1);
    // Within the first worker's lease, another does nothing.
    expect(await runDueBatches(t.db, APP_DEPS, { now: () => later(2000) })).toBe(0);
    expect((await getBatch(t.db, actor, id)).done).toBe(25 + 6);
    // Once it has lapsed, the other takes over and finishes.
    await runDueBatches(t.db, APP_DEPS, { now: () => later(LEASE_MS + 2000) });
    expect(await getBatch(t.db, actor, id)).toMatchObject({ status: "completed", succeeded: 60 });
    expect(await t.db.$count(invitations)).toBe(60);
  });

  it("is another account's to see: any other account's id is not found", async () => {
    const actor = await makeActor(t.db);
    const other: Actor = await makeActor(t.db, { accountName: "Other" });
    const { id } = await createInviteBatch(t.db, actor, { preview: previewOf(upload(2)) }, now);
    await expect(getBatch(t.db, other, id)).rejects.toMatchObject({ code: "batch_not_found" });
  });
});

describe("an action on chosen invitations", () => {
  it("cancels the pending ones and says why it skipped the others", async () => {
    const actor = await makeActor(t.db);
    const a = await invite(t.db, { actor, email: "a@example.com" });
    const b = await invite(t.db, { actor, email: "b@example.com" });
    const elsewhere = await invite(t.db, { email: "c@example.com" });
    const { id } = await createActionBatch(
      t.db,
      actor,
      {
        kind: "cancel",
        invitations: [a, b, a, elsewhere].map((i, n) => ({ id: i.id, email: `${n}` })),
      },
      now,
    );
    await runDueBatches(t.db, APP_DEPS, { now: () => later(1000) });
    expect((await rowsOf(t.db, id)).map((r) => r.outcome)).toEqual([
      "canceled",
      "canceled",
      "invitation_not_cancelable",
      "invitation_not_found",
    ]);
    const statuses = await t.db
      .select({ status: invitations.status })
      .from(invitations)
      .where(and(eq(invitations.accountId, actor.accountId), eq(invitations.status, "canceled")));
    expect(statuses).toHaveLength(2);
  });
});

describe("extend on chosen invitations", () => {
  it("extends each through the one use case, and says which were already at their ceiling", async () => {
    const actor = await makeActor(t.db);
    const a = await invite(t.db, { actor, email: "a@example.com" });
    const { id } = await createActionBatch(
      t.db,
      actor,
      { kind: "extend", invitations: [a, a, a].map((i) => ({ id: i.id, email: "a@example.com" })) },
      now,
    );
    await runDueBatches(t.db, APP_DEPS, { now: () => later(1000) });
    expect((await rowsOf(t.db, id)).map((r) => r.outcome)).toEqual([
      "extended",
      "extended",
      "invitation_extension_limit",
    ]);
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, a.id));
    expect(row!.expiresAt).toEqual(new Date(now.getTime() + 90 * 24 * 3600 * 1000));
  });
});

describe("a batch worker killed halfway", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("invites each good row exactly once when a worker runs it again", async () => {
    const target = await separateDatabase(cleanups);
    let handle = target.open();
    await handle.migrate();
    const actor = await makeActor(handle.db);
    const rows = upload(200);
    const { id } = await createInviteBatch(
      handle.db,
      actor,
      { preview: previewOf(rows) },
      new Date(),
    );
    await handle.close();

    const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/batch-child.ts"], {
      env: { ...process.env, ...target.child },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // Killed (SIGKILL) once two chunks have committed: in the middle of the third.
    let chunks = 0;
    await new Promise<void>((resolve) =>
      child.stdout.on("data", (data: Buffer) => {
        chunks += data.toString().split("chunk").length - 1;
        if (chunks >= 2) resolve();
      }),
    );
    child.kill("SIGKILL");
    await exited;

    handle = target.open();
    const partly = await getBatch(handle.db, actor, id);
    expect(partly.status).toBe("running");
    expect(partly.succeeded).toBeGreaterThanOrEqual(50);
    expect(partly.succeeded).toBeLessThan(200);
    // Another worker, once the dead one's lease has run out.
    await runDueBatches(handle.db, APP_DEPS, { now: () => new Date(Date.now() + LEASE_MS + 1000) });
    const batch = await getBatch(handle.db, actor, id);
    const [counted] = await handle.db
      .select({
        invitations: sql<number>`count(*)::int`,
        addresses: sql<number>`count(distinct lower(${invitations.email}))::int`,
      })
      .from(invitations);
    const emails = await handle.db.$count(emailOutbox);
    const undone = await handle.db.$count(
      invitationBatchRows,
      and(eq(invitationBatchRows.batchId, id), sql`${invitationBatchRows.outcome} is null`),
    );
    const [stored] = await handle.db
      .select({ done: invitationBatches.done })
      .from(invitationBatches)
      .where(eq(invitationBatches.id, id));
    await handle.close();
    expect(batch).toMatchObject({ status: "completed", total: 220, succeeded: 200, skipped: 20 });
    expect(stored!.done).toBe(220);
    expect(counted).toEqual({ invitations: 200, addresses: 200 });
    expect(emails).toBe(200);
    expect(undone).toBe(0);
  }, 120_000);
});

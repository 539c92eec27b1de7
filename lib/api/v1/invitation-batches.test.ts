import { describe, expect, it } from "vitest";
import { invitationBatches, invitations } from "@/db/schema";
import { makeActor } from "@/tests/helpers/actors";
import { apiClient } from "@/tests/helpers/api";
import { apiKeyOf } from "@/tests/helpers/api-keys";
import { setupTestDb } from "@/tests/helpers/db";
import { invite } from "@/tests/helpers/invitations";

const t = setupTestDb();
const clock = { now: new Date("2026-03-01T09:00:00Z") };
const call = apiClient(t, clock);

async function keyed() {
  const admin = await makeActor(t.db, { accountName: "Batch Partner" });
  const { key } = await apiKeyOf(t.db, admin, { scope: "write", name: "CRM" });
  return { admin, key };
}

const csv = (lines: string[]) => ({ text: lines.join("\r\n"), type: "text/csv" });

const FILE = csv([
  "email,subaccount_type,language",
  "ann@example.com,retail,en",
  "not-an-address,retail,en",
  "bob@example.com,spaceship,de",
  "ANN@example.com,retail,en",
  "taken@example.com,enterprise,de",
]);

describe("POST /api/v1/invitation_batches", () => {
  it("answers a dry run with the counts and each row's problem, and writes nothing", async () => {
    const { admin, key } = await keyed();
    await invite(t.db, { actor: admin, email: "taken@example.com" });
    const res = await call("POST", "/invitation_batches?dry_run=true", { key, raw: FILE });
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({
      rows: 5,
      valid: 1,
      invalid: 4,
      by_problem: { email_invalid: 1, type_unknown: 1, duplicate_in_file: 1, already_pending: 1 },
    });
    expect(res.body.problems).toEqual([
      { row: 3, email: "not-an-address", problem: "email_invalid" },
      { row: 4, email: "bob@example.com", problem: "type_unknown" },
      { row: 5, email: "ANN@example.com", problem: "duplicate_in_file" },
      { row: 6, email: "taken@example.com", problem: "already_pending" },
    ]);
    expect(await t.db.$count(invitationBatches)).toBe(0);
    expect(await t.db.$count(invitations)).toBe(1);
  });

  it("queues the file as a batch (202) whose progress and result file follow it", async () => {
    const { key } = await keyed();
    const res = await call("POST", "/invitation_batches", { key, raw: FILE });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      kind: "invite",
      status: "queued",
      counts: { total: 5, done: 3, succeeded: 0, skipped: 3 },
    });
    const shown = await call("GET", `/invitation_batches/${res.body.id}`, { key });
    expect(shown.body.id).toBe(res.body.id);
    const result = await call("GET", `/invitation_batches/${res.body.id}/result.csv`, { key });
    expect(result.status).toBe(200);
    expect(String(result.body).trim().split("\r\n")).toEqual([
      "row,email,outcome,invitation_id",
      "2,ann@example.com,,",
      "3,not-an-address,email_invalid,",
      "4,bob@example.com,type_unknown,",
      "5,ANN@example.com,duplicate_in_file,",
      "6,taken@example.com,,",
    ]);
  });

  it("does not answer the real request with a dry run's answer under the same Idempotency-Key", async () => {
    const { key } = await keyed();
    const headers = { "idempotency-key": "upload-2026-03-01" };
    const preview = await call("POST", "/invitation_batches?dry_run=true", {
      key,
      raw: FILE,
      headers,
    });
    expect(preview.status).toBe(200);
    const real = await call("POST", "/invitation_batches", { key, raw: FILE, headers });
    expect([real.status, real.body.code]).toEqual([422, "idempotency_key_reused"]);
    const other = await call("POST", "/invitation_batches", {
      key,
      raw: FILE,
      headers: { "idempotency-key": "upload-2026-03-01-b" },
    });
    expect(other.status).toBe(202);
    expect(await t.db.$count(invitationBatches)).toBe(1);
  });
});

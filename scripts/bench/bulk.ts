// A bulk upload at its largest: 10,000 rows checked (every row through the same
// checks as the page and the API, against an account of a million invitations),
// queued, and worked through to its last row (each invitation made, its email
// rendered and queued, not sent), with the process's memory beside it.
import { performance } from "node:perf_hooks";
import type { Db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { createInviteBatch } from "@/lib/batches/create";
import { getBatch } from "@/lib/batches/queries";
import { runDueBatches } from "@/lib/batches/run";
import { BULK_MAX_ROWS, parseBulkCsv } from "@/lib/invitations/bulk/parse";
import { previewBulkInvitations } from "@/lib/invitations/bulk/preview";
import { INVITE_DEPS } from "./database";

export type BulkFigures = {
  rows: number;
  bytes: number;
  /** Parse and check, as "Check file" and `dry_run=true` do. */
  previewSeconds: number;
  /** The batch and its rows written. */
  queueSeconds: number;
  /** Every row invited by the workers, one chunk after another. */
  runSeconds: number;
  /** The highest heap in use during the three, less the heap before. */
  heapGrowth: number;
};

/** A file as a CRM writes it: one in ten rows refused for its own reason. */
function file(rows: number): string {
  const lines = ["email,subaccount_type,language,custom_message,first_name,last_name,company"];
  const stamp = Date.now();
  for (let i = 0; i < rows; i++) {
    const bad = i % 10 === 9;
    lines.push(
      `${bad ? "not-an-address" : `bulk.${stamp}.${i}@customer${i % 97}.example`},${i % 2 ? "retail" : "enterprise"},${i % 3 ? "en" : "de"},"Welcome, customer ${i}! We look forward to working with you.",Kim,Lee ${i},Customer ${i} GmbH`,
    );
  }
  return lines.join("\r\n");
}

export async function benchBulk(db: Db, actor: Actor, rows = BULK_MAX_ROWS): Promise<BulkFigures> {
  const csv = file(rows);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 20);
  try {
    const now = new Date();
    let t = performance.now();
    const preview = await previewBulkInvitations(db, actor, parseBulkCsv(csv), now);
    const previewSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const { id } = await createInviteBatch(db, actor, { preview, fileName: "bench.csv" }, now);
    const queueSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await runDueBatches(db, { appUrl: INVITE_DEPS.appUrl }, { only: id });
    const runSeconds = (performance.now() - t) / 1000;
    const batch = await getBatch(db, actor, id);
    if (batch.status !== "completed" || batch.done !== rows)
      throw new Error(`bulk bench: the batch ended ${batch.status} at ${batch.done} of ${rows}`);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    return {
      rows,
      bytes: Buffer.byteLength(csv),
      previewSeconds,
      queueSeconds,
      runSeconds,
      heapGrowth: heapPeak - heapBefore,
    };
  } finally {
    clearInterval(sampler);
  }
}

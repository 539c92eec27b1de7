import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema";
import { separateDatabase } from "@/tests/helpers/db";
import { fakeProvider } from "@/tests/helpers/fake-provider";
import { deliverDue, enqueueEmail } from "./outbox";
import { resendTransport } from "./transport";

// A worker killed (SIGKILL) in the middle of a batch, and started again: nothing
// is lost, nothing is sent twice. The worker runs in a process of its own, on a
// database of its own (PGlite serves one process at a time, so the two never
// hold it together).
const provider = fakeProvider();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const database = () => separateDatabase(cleanups);

describe("a worker killed mid-batch", () => {
  it("loses nothing and sends nothing twice once a worker runs again", async () => {
    const baseUrl = await provider.start();
    const previous = process.env.RESEND_BASE_URL;
    process.env.RESEND_BASE_URL = baseUrl;
    cleanups.push(async () => {
      process.env.RESEND_BASE_URL = previous;
      await provider.stop();
    });
    const target = await database();
    let handle = target.open();
    await handle.migrate();
    const now = new Date();
    for (let i = 0; i < 25; i++)
      await enqueueEmail(handle.db, {
        to: `crash${i}@example.com`,
        email: { subject: `Crash ${i}`, html: "<p>x</p>", text: "x" },
        template: "test",
        idempotencyKey: `crash-${i}`,
        now,
      });
    await handle.close();

    // The provider takes the second request in and never answers: the worker is mid-batch.
    let midBatch!: () => void;
    const reached = new Promise<void>((resolve) => (midBatch = resolve));
    provider.answer((_request, index) => {
      if (index === 1) {
        midBatch();
        return { hang: true };
      }
      return { status: 200 };
    });
    const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/outbox-child.ts"], {
      env: { ...process.env, ...target.child, RESEND_BASE_URL: baseUrl },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    await reached;
    child.kill("SIGKILL");
    await exited;

    // A worker again, once the dead worker's claim has run out.
    provider.answer(() => ({ status: 200 }));
    handle = target.open();
    const later = new Date(Date.now() + 10 * 60 * 1000);
    const clock = { now: () => later, sleep: async () => {} };
    for (let round = 0; round < 5; round++)
      await deliverDue(handle.db, resendTransport("re_again"), {
        from: "CertPortal <no-reply@example.com>",
        requestsPerSecond: 1000,
        batchSize: 10,
        clock,
      });
    const sent = await handle.db.$count(emailOutbox, eq(emailOutbox.status, "sent"));
    await handle.close();
    expect(sent).toBe(25);
    const addresses = [...provider.delivered.values()].flat().map((e) => e.to);
    expect(addresses.sort()).toEqual(
      Array.from({ length: 25 }, (_, i) => `crash${i}@example.com`).sort(),
    );
  }, 60_000);
});

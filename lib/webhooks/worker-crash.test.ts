import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { webhookDeliveries } from "@/db/schema";
import { makeActor } from "@/tests/helpers/actors";
import { separateDatabase } from "@/tests/helpers/db";
import { invite } from "@/tests/helpers/invitations";
import { startReceiver } from "@/tests/helpers/webhook-receiver";
import { deliverNow, endpointFor, manualClock } from "@/tests/helpers/webhooks";

// A webhook worker killed (SIGKILL) while its attempts are under way, and a
// worker started again: every event still reaches the receiver.
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("a webhook worker killed mid-delivery", () => {
  it("loses no delivery once a worker runs again", async () => {
    // The receiver takes the third request in and never answers: the worker is mid-delivery.
    let midDelivery!: () => void;
    const reached = new Promise<void>((resolve) => (midDelivery = resolve));
    let hang = true;
    const hooks = await startReceiver((_request, response) => {
      if (hang && hooks.received.length === 3) return midDelivery();
      response.end("ok");
    });
    cleanups.push(hooks.stop);
    const target = await separateDatabase(cleanups);
    let handle = target.open();
    await handle.migrate();
    const now = new Date();
    const admin = await makeActor(handle.db);
    await endpointFor(handle.db, admin, hooks.url, { now });
    for (let i = 0; i < 6; i++)
      await invite(handle.db, { actor: admin, email: `crash${i}@contoso.example`, now });
    await handle.close();

    const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/webhook-child.ts"], {
      env: { ...process.env, ...target.child },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    await reached;
    child.kill("SIGKILL");
    await exited;

    // A worker again, once the dead worker's claims have run out.
    hang = false;
    handle = target.open();
    const clock = manualClock(new Date(Date.now() + 2 * 60 * 1000));
    await deliverNow(handle.db, { clock });
    const rows = await handle.db.select().from(webhookDeliveries);
    await handle.close();
    expect(rows.map((row) => row.status)).toEqual(Array(6).fill("succeeded"));
    const answered = new Set(
      hooks.received
        .slice(0, 2)
        .concat(hooks.received.slice(3))
        .map((r) => r.headers["webhook-id"]),
    );
    expect(answered.size).toBe(6);
  }, 60_000);
});

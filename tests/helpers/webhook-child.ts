// A webhook worker in a process of its own, for the test that kills one mid-delivery.
// CHILD_DATABASE_URL or CHILD_PGLITE_DIR names the database.
import { createDb } from "@/db";
import { deliverWebhooks } from "@/lib/webhooks/deliver";

const handle = process.env.CHILD_DATABASE_URL
  ? createDb({ url: process.env.CHILD_DATABASE_URL })
  : createDb({ dataDir: process.env.CHILD_PGLITE_DIR! });
process.stdout.write("ready\n");
await deliverWebhooks(handle.db, {
  allowLoopback: true,
  appUrl: "https://portal.example",
  concurrency: 2,
  timeoutMs: 60_000,
});
await handle.close();

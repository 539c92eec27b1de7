// A worker in a process of its own, for the test that kills one mid-batch.
// CHILD_DATABASE_URL or CHILD_PGLITE_DIR names the database; RESEND_BASE_URL the provider.
import { createDb } from "@/db";
import { deliverDue } from "@/lib/email/outbox";
import { resendTransport } from "@/lib/email/transport";

const handle = process.env.CHILD_DATABASE_URL
  ? createDb({ url: process.env.CHILD_DATABASE_URL })
  : createDb({ dataDir: process.env.CHILD_PGLITE_DIR! });
process.stdout.write("ready\n");
await deliverDue(handle.db, resendTransport("re_child"), {
  from: "CertPortal <no-reply@example.com>",
  requestsPerSecond: 1000,
  batchSize: 10,
  timeoutMs: 60_000,
});
await handle.close();

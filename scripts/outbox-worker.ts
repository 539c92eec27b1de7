// Delivers queued email and webhooks, works through batches of invitations (and does the periodic upkeep: expired invitations,
// old rate-limit counters) in a process of its own, for operators who prefer a
// separate worker to the poller inside the app (both can run at once safely).
import { createDbFromEnv } from "@/db";
import { deliverDue } from "@/lib/email/outbox";
import { standaloneWorkerProblem } from "@/lib/email/standalone-worker";
import { transportFromEnv } from "@/lib/email/transport";
import { runPeriodicWork } from "@/lib/background/periodic";
// What email outcomes mean for invitations.
import "@/lib/invitations/email-outcomes";
import { env } from "@/lib/env";
import { runWebhooksOnce } from "@/lib/webhooks/worker";
import { runDueBatches } from "@/lib/batches/run";

const problem = standaloneWorkerProblem(env());
if (problem) {
  console.error(problem);
  process.exit(1);
}

const once = process.argv.includes("--once");
const handle = createDbFromEnv();
await handle.migrate();
const transport = transportFromEnv(handle.db);
let stopping = false;
process.on("SIGTERM", () => (stopping = true));
process.on("SIGINT", () => (stopping = true));

// Each kind in a loop of its own: a hanging webhook endpoint never holds up email.
async function loop(work: () => Promise<void>) {
  do {
    await work();
    if (!once)
      await new Promise((r) => setTimeout(r, Math.max(1, env().OUTBOX_POLL_SECONDS) * 1000));
  } while (!once && !stopping);
}

await Promise.all([
  loop(async () => {
    const report = await deliverDue(handle.db, transport, {
      from: env().EMAIL_FROM,
      requestsPerSecond: env().EMAIL_REQUESTS_PER_SECOND,
    });
    if (report.sent + report.retrying + report.failed > 0)
      console.log(new Date().toISOString(), report);
    await runPeriodicWork(handle.db, new Date());
  }),
  loop(async () => {
    const webhooks = await runWebhooksOnce(handle.db);
    if (webhooks.succeeded + webhooks.retrying + webhooks.failed > 0)
      console.log(new Date().toISOString(), { webhooks });
  }),
  loop(async () => {
    const chunks = await runDueBatches(handle.db, { appUrl: env().APP_URL });
    if (chunks > 0) console.log(new Date().toISOString(), { batchChunks: chunks });
  }),
]);
await handle.close();

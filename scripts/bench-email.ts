// Measures email delivery: 10,000 queued invitation emails through the real
// Resend SDK to a local stand-in that, like Resend, allows 2 requests a second.
// Usage: BENCH_DATABASE_URL=postgres://… npx tsx scripts/bench-email.ts [emails] [workers]
// It creates (and afterwards drops) a database of its own on that server.
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { Pool } from "pg";
import { createDb } from "@/db";
import { emailOutbox } from "@/db/schema";
import { deliverDue } from "@/lib/email/outbox";
import { resendTransport } from "@/lib/email/transport";
import { fakeProvider } from "@/tests/helpers/fake-provider";

const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) throw new Error("Set BENCH_DATABASE_URL to a PostgreSQL server");
const total = Number(process.argv[2] ?? 10_000);
const workers = Number(process.argv[3] ?? 2);
const name = `certportal_bench_email_${Date.now()}`;
const admin = new Pool({ connectionString: serverUrl, max: 1 });
await admin.query(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const handle = createDb({ url: url.toString() });
const provider = fakeProvider(Date.now, 2);

try {
  await handle.migrate();
  const { db } = handle;
  process.env.RESEND_BASE_URL = await provider.start();
  const html = `<p>${"You are invited. ".repeat(40)}</p>`;
  for (let i = 0; i < total; i += 1000) {
    const now = new Date();
    await db.insert(emailOutbox).values(
      Array.from({ length: Math.min(1000, total - i) }, (_, j) => ({
        idempotencyKey: `bench-${i + j}`,
        template: "invitation",
        toAddress: `person${i + j}@example.com`,
        subject: "Northwind invites you to CertPortal",
        html,
        text: html,
        nextAttemptAt: now,
        createdAt: now,
      })),
    );
  }
  const transport = resendTransport("re_bench");
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (;;) {
        await deliverDue(db, transport, {
          from: "CertPortal <no-reply@example.com>",
          requestsPerSecond: 2,
          maxRequests: 1000,
        });
        if ((await db.$count(emailOutbox, eq(emailOutbox.status, "pending"))) === 0) return;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sent = await db.$count(emailOutbox, eq(emailOutbox.status, "sent"));
  console.log(
    `${sent} of ${total} emails delivered by ${workers} workers in ${seconds.toFixed(1)} s: ` +
      `${(sent / seconds).toFixed(0)} emails/s, ${provider.requests.length} requests, ` +
      `${provider.rateLimited()} answered 429, ${provider.deliveredCount()} accepted by the provider`,
  );
} finally {
  await provider.stop();
  await handle.close();
  await admin.query(`drop database if exists ${name}`);
  await admin.end();
}

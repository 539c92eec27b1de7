// Measures the Manage invitations list on one account holding many invitations.
// Usage: BENCH_DATABASE_URL=postgres://… npx tsx scripts/bench-invitations.ts [rows]
// It creates (and afterwards drops) a database of its own on that server.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { Pool } from "pg";
import { createDb } from "@/db";
import { accounts, users } from "@/db/schema";
import { invitationListParams, listInvitations } from "@/lib/invitations/queries";

const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) throw new Error("Set BENCH_DATABASE_URL to a PostgreSQL server");
const rows = Number(process.argv[2] ?? 1_000_000);
const name = `certportal_bench_${Date.now()}`;
const admin = new Pool({ connectionString: serverUrl, max: 1 });
await admin.query(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const handle = createDb({ url: url.toString() });

try {
  await handle.migrate();
  const { db } = handle;
  const [account] = await db
    .insert(accounts)
    .values({ name: "Bench", type: "reseller", createdVia: "setup" })
    .returning();
  const [user] = await db
    .insert(users)
    .values({
      accountId: account!.id,
      username: "bench",
      email: "b@example.com",
      firstName: "B",
      lastName: "Ench",
      role: "administrator",
    })
    .returning();
  let t = performance.now();
  // Statuses spread as in a long-lived account; one row per address, so the one-pending index holds.
  await db.execute(sql`
    insert into invitations (account_id, email, subaccount_type, locale, token_hash, status, sent_by, sent_at, last_sent_at, expires_at)
    select ${account!.id}, 'person' || g || '@example.com', 'retail', 'en', md5(g::text) || md5((g * 7)::text),
           (array['pending','accepted','canceled','pending']::invitation_status[])[1 + g % 4], ${user!.id},
           now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval + interval '30 days'
    from generate_series(1, ${rows}) g`);
  await db.execute(sql`analyze invitations`);
  console.log(`inserted ${rows} invitations in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const now = new Date();
  const time = async (label: string, params: Record<string, string>) => {
    const parsed = invitationListParams.parse(params);
    await listInvitations(db, account!.id, parsed, now); // warm
    const runs = 20;
    t = performance.now();
    let page;
    for (let i = 0; i < runs; i++) page = await listInvitations(db, account!.id, parsed, now);
    console.log(
      `${label.padEnd(44)} ${((performance.now() - t) / runs).toFixed(2)} ms  (${page!.rows.length} rows)`,
    );
    return page!;
  };
  let page = await time("first page, newest first", {});
  for (let i = 0; i < 50; i++)
    page = await listInvitations(
      db,
      account!.id,
      invitationListParams.parse({ after: page.nextCursor! }),
      now,
    );
  await time("page 52 (keyset cursor)", { after: page.nextCursor! });
  await time("status = pending", { status: "pending" });
  await time("status = expired", { status: "expired" });
  await time("status = canceled, oldest first", { status: "canceled", sort: "oldest" });
  await time("search 'person4242' (substring)", { q: "person4242" });
} finally {
  await handle.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

// Measures CertPortal at a million invitations: every list, search, details,
// home-page figures and write, beside the same SQL run raw (the floor) and beside
// the same figure for a small account; then the pages over HTTP under 10 signed-in
// clients, beside a bare Next.js page (the floor). Writes docs/performance.md.
//
//   npm run bench                      1,000,000 + 1,000,000 invitations, 10,000 subaccounts
//   npm run bench -- --smoke           a small size, no timing written anywhere (CI)
//   npm run bench -- --no-build        reuse the app's existing production build (.next)
//   npm run bench -- --no-http         the database part only
//   npm run bench -- --webhooks-only   the webhook deliveries alone
//   npm run bench -- --keep            keep the database afterwards (for EXPLAIN)
//   npm run bench -- --seed-only       stop once seeded (with --keep: a database to explore)
//
// BENCH_DATABASE_URL names a PostgreSQL server (default: the local one); the bench
// creates a database of its own there and drops it afterwards.
import { performance } from "node:perf_hooks";
import { Pool } from "pg";
import { createDb } from "@/db";
import { createApiKey } from "@/lib/api-keys/manage";
import { loadActor } from "@/lib/auth/sign-in";
import { closeOutExpiredInvitations } from "@/lib/invitations/expiry";
import { createInvitation } from "@/lib/invitations/send";
import { type BulkFigures, benchBulk } from "./bulk";
import { INVITE_DEPS, measureQueries, type QueryRow } from "./database";
import { num } from "./figures";
import { type HttpFigures, measureHttp } from "./http";
import { stopAll } from "./processes";
import { report } from "./report";
import { makeAccount, seedAtScale, seededSubaccount } from "./seed";
import { FULL, PERFORMANCE_DOC, SMALL, SMOKE } from "./settings";
import { benchWebhooks, type WebhookFigures, writeWebhookFigures } from "./webhooks";

const args = new Set(process.argv.slice(2));
const smoke = args.has("--smoke");
const webhooksOnly = args.has("--webhooks-only");
const size = smoke ? SMOKE : FULL;
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const name = `certportal_bench_${Date.now()}`;
const admin = new Pool({ connectionString: serverUrl, max: 1 });
await admin.query(`create database ${name}`);
const dbUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const handle = createDb({ url: dbUrl });
// A second client on the same database, whose SQL the query part records and replays raw.
const pool = new Pool({ connectionString: dbUrl, max: 10 });

let webhooks: WebhookFigures | null = null;
let queries: QueryRow[] = [];
let http: HttpFigures | null = null;
let bulk: BulkFigures | null = null;
let seedSeconds = 0;
try {
  await handle.migrate();
  const started = performance.now();
  // The webhook part has an account of its own: its ten endpoints (their receivers gone
  // once it is done) would otherwise be sent every event of the big account's writes.
  const hooks = await makeAccount(handle.db, "Hooks", 1);
  webhooks = await benchWebhooks(handle.db, hooks.id, { endpoints: 10, each: smoke ? 20 : 200 });
  const big = await makeAccount(handle.db, "Acme");
  console.log("Webhooks:", webhooks);
  if (!webhooksOnly) {
    const other = await makeAccount(handle.db, "Globex");
    const small = await makeAccount(handle.db, "Initech");
    await seedAtScale(handle.db, { big, other, small }, { big: size, small: SMALL });
    await pool.query("vacuum analyze");
    seedSeconds = (performance.now() - started) / 1000;
    console.log(
      `seeded ${num(size.invitations * 2 + SMALL.invitations)} invitations and ${num(size.subaccounts + SMALL.subaccounts)} subaccounts in ${seedSeconds.toFixed(1)} s`,
    );
    const t = performance.now();
    // The few that expired in the last minutes, as the sweep finds them every minute.
    const swept = await closeOutExpiredInvitations(handle.db, new Date());
    const sweepSeconds = (performance.now() - t) / 1000;
    console.log(`expiry sweep: ${swept} closed out in ${(sweepSeconds * 1000).toFixed(0)} ms`);
    if (args.has("--seed-only")) throw new Error(`seeded only: ${dbUrl}`);

    const actors = {
      big: (await loadActor(handle.db, big.users[0]!))!,
      small: (await loadActor(handle.db, small.users[0]!))!,
    };
    queries = await measureQueries({
      db: handle.db,
      pool,
      accounts: { big, small },
      actors,
      size,
    });
    bulk = await benchBulk(handle.db, actors.big, smoke ? 500 : undefined);
    console.log("Bulk upload:", bulk);

    if (!args.has("--no-http")) {
      const invite = await createInvitation(
        handle.db,
        actors.big,
        {
          email: "http.bench@example.org",
          subaccountType: "retail",
          customMessage: null,
          locale: "en",
        },
        new Date(),
        INVITE_DEPS,
      );
      const { key } = await createApiKey(
        handle.db,
        actors.big,
        { name: "Bench", scope: "write", expiresInDays: 1 },
        new Date(),
      );
      http = await measureHttp({
        dbUrl,
        size,
        build: !args.has("--no-build"),
        userId: big.users[0]!,
        memberId: big.users[1]!,
        subaccountId: await seededSubaccount(handle.db, big.id),
        acceptToken: invite.token,
        apiKey: key,
      });
    }
  }
} finally {
  stopAll();
  await pool.end();
  await handle.close();
  if (args.has("--keep")) console.log(`kept: ${dbUrl}`);
  else await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

if (!smoke && webhooks) writeWebhookFigures(PERFORMANCE_DOC, webhooks);
if (!webhooksOnly) report({ size, seedSeconds, queries, http, bulk, write: !smoke });

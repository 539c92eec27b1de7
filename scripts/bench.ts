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
//
// BENCH_DATABASE_URL names a PostgreSQL server (default: the local one); the bench
// creates a database of its own there and drops it afterwards.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { encode } from "@auth/core/jwt";
import autocannon from "autocannon";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { createDb, type Db } from "@/db";
import * as schema from "@/db/schema";
import { accounts, invitations, users } from "@/db/schema";
import { accountOverview } from "@/lib/accounts/own";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/sign-in";
import { createApiKey } from "@/lib/api-keys/manage";
import { closeOutExpiredInvitations } from "@/lib/invitations/expiry";
import {
  getInvitationDetail,
  invitationCounts,
  invitationListParams,
  listInvitations,
} from "@/lib/invitations/queries";
import { acceptInvitation } from "@/lib/invitations/accept";
import { cancelInvitation, createInvitation, resendInvitation } from "@/lib/invitations/send";
import { listSubaccounts, subaccountListParams } from "@/lib/subaccounts/queries";
import { encodeCursor } from "@/lib/lists/keyset";
import { seedInvitations, seedSubaccounts } from "@/tests/helpers/seed-at-scale";
import { benchWebhooks, type WebhookFigures, writeWebhookFigures } from "./bench-webhooks";

const args = new Set(process.argv.slice(2));
const smoke = args.has("--smoke");
const webhooksOnly = args.has("--webhooks-only");
const size = smoke
  ? { invitations: 20_000, subaccounts: 200, runs: 8, writes: 3, seconds: 2 }
  : { invitations: 1_000_000, subaccounts: 10_000, runs: 40, writes: 20, seconds: 10 };
const SMALL = { invitations: 1_000, subaccounts: 10 };
const CLIENTS = 10;
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const root = path.join(import.meta.dirname, "..");

const name = `certportal_bench_${Date.now()}`;
const admin = new Pool({ connectionString: serverUrl, max: 1 });
await admin.query(`create database ${name}`);
const dbUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const handle = createDb({ url: dbUrl });
// A second client on the same database that records the SQL the domain sends,
// so that each measured call can be replayed as raw SQL (the floor).
const pool = new Pool({ connectionString: dbUrl, max: 10 });
let recording: { text: string; params: unknown[] }[] | null = null;
const recorded = drizzle({
  client: pool,
  schema,
  casing: "snake_case",
  logger: { logQuery: (text, params) => recording?.push({ text, params }) },
}) as unknown as Db;

type Figures = { p50: number; p95: number };
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const figures = (times: number[]): Figures => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};
async function timed(fn: (i: number) => Promise<unknown>, runs: number, warm = 3) {
  for (let i = 0; i < warm; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(warm + i);
    times.push(performance.now() - t);
  }
  return figures(times);
}
/** The call through the app's code, and the SQL it sent replayed raw. */
async function read(fn: (db: Db) => Promise<unknown>) {
  const app = await timed(() => fn(recorded), size.runs);
  recording = [];
  await fn(recorded);
  const statements = recording;
  recording = null;
  const floor = await timed(
    () => Promise.all(statements.map((s) => pool.query(s.text, s.params))),
    size.runs,
  );
  return { app, floor };
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const num = (n: number) => n.toLocaleString("en-US");
const table = (header: string[], rows: string[][]) =>
  [
    `| ${header.join(" | ")} |`,
    `| ${header.map((h, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

// ---------------------------------------------------------------------------
// Seeding: one big partner account, another as big sharing the tables, a small one.

async function makeAccount(label: string, managers = 5) {
  const [account] = await handle.db
    .insert(accounts)
    .values({
      name: `${label} Certs GmbH`,
      type: "reseller",
      createdVia: "setup",
      allowedSubaccountTypes: ["enterprise", "reseller", "retail"],
    })
    .returning();
  const staff = await handle.db
    .insert(users)
    .values(
      Array.from({ length: managers }, (_, i) => ({
        accountId: account!.id,
        username: `${label.toLowerCase()}.${i}`,
        email: `${label.toLowerCase()}.${i}@example.com`,
        // Never checked: the bench signs in with a session token of its own making.
        passwordHash: "not-a-password-hash",
        firstName: label,
        lastName: `Manager ${i}`,
        role: i === 0 ? ("administrator" as const) : ("manager" as const),
      })),
    )
    .returning({ id: users.id });
  return { id: account!.id, users: staff.map((u) => u.id) };
}

const deps = { appUrl: "http://localhost:3300", invitationsPerHour: 1_000_000 };
const form = (username: string) => ({
  firstName: "Bench",
  lastName: "Invitee",
  contactPhone: null,
  jobTitle: null,
  name: `${username} GmbH`,
  addressLine1: "Hauptstraße 1",
  addressLine2: null,
  city: "Berlin",
  region: null,
  postalCode: "10115",
  country: "DE",
  phone: null,
  username,
  password: "Bench-Passw0rd-Bench!",
});

type Row = { label: string; big: Figures; floor: Figures | null; small: Figures };
const dbRows: Row[] = [];
const httpRows: { label: string; rps: number; p50: number; p95: number; bytes: number }[] = [];
let apiPost: Figures | null = null;
let webhooks: WebhookFigures | null = null;
const exportRows: {
  label: string;
  rows: number;
  bytes: number;
  seconds: number;
  growth: number;
}[] = [];
let stalledExport: { pause: number; cpu: number; growth: number; received: number } | null = null;
let seedSeconds = 0;
let sweepSeconds = 0;

let servers: ChildProcess[] = [];
try {
  await handle.migrate();
  let t = performance.now();
  const big = await makeAccount("Acme");
  webhooks = await benchWebhooks(handle.db, big.id, { endpoints: 10, each: smoke ? 20 : 200 });
  console.log("Webhooks:", webhooks);
  if (!webhooksOnly) {
    const other = await makeAccount("Globex");
    const small = await makeAccount("Initech");
    // Spread over the last two years, whatever the count.
    const invite = (a: { id: string; users: string[] }, count: number) =>
      seedInvitations(
        handle.db,
        { id: a.id, senders: a.users },
        { count, spacingSeconds: (2 * 365 * 24 * 3600) / count },
      );
    const children = (a: { id: string; users: string[] }, count: number) =>
      seedSubaccounts(handle.db, { id: a.id, manager: a.users[1] ?? a.users[0]! }, count);
    await Promise.all([
      invite(big, size.invitations),
      invite(other, size.invitations),
      invite(small, SMALL.invitations),
      children(big, size.subaccounts),
      children(small, SMALL.subaccounts),
    ]);
    await pool.query("vacuum analyze");
    seedSeconds = (performance.now() - t) / 1000;
    console.log(
      `seeded ${num(size.invitations * 2 + SMALL.invitations)} invitations and ${num(size.subaccounts + SMALL.subaccounts)} subaccounts in ${seedSeconds.toFixed(1)} s`,
    );
    t = performance.now();
    // The few that expired in the last minutes, as the sweep finds them every minute.
    const swept = await closeOutExpiredInvitations(handle.db, new Date());
    sweepSeconds = (performance.now() - t) / 1000;
    console.log(`expiry sweep: ${swept} closed out in ${(sweepSeconds * 1000).toFixed(0)} ms`);
    if (args.has("--seed-only")) throw new Error(`seeded only: ${dbUrl}`);

    const actors = {
      big: (await loadActor(handle.db, big.users[0]!))!,
      small: (await loadActor(handle.db, small.users[0]!))!,
    };
    const now = new Date();
    const cursorAt = async (accountId: string, offset: number) => {
      const [row] = await handle.db
        .select({ at: invitations.lastSentAt, id: invitations.id })
        .from(invitations)
        .where(eq(invitations.accountId, accountId))
        .orderBy(sql`last_sent_at desc, id desc`)
        .offset(offset)
        .limit(1);
      return encodeCursor(row!);
    };
    const someInvitation = async (accountId: string) =>
      (
        await handle.db
          .select({ id: invitations.id })
          .from(invitations)
          .where(eq(invitations.accountId, accountId))
          .orderBy(sql`last_sent_at desc`)
          .offset(500)
          .limit(1)
      )[0]!.id;
    const deep = {
      big: await cursorAt(big.id, Math.min(size.invitations - 30, 100_000)),
      small: await cursorAt(small.id, SMALL.invitations - 30),
    };
    const detail = { big: await someInvitation(big.id), small: await someInvitation(small.id) };

    const lists: [
      string,
      Record<string, string> | ((k: "big" | "small") => Record<string, string>),
    ][] = [
      ["Invitations: first page, newest first", {}],
      ["Invitations: first page, oldest first", { sort: "oldest" }],
      [
        `Invitations: deep page (${num(Math.min(size.invitations - 30, 100_000))} rows in)`,
        (k) => ({ after: deep[k] }),
      ],
      ["Invitations: status = pending", { status: "pending" }],
      ["Invitations: status = expired", { status: "expired" }],
      ["Invitations: status = expired, oldest first", { status: "expired", sort: "oldest" }],
      ["Invitations: status = accepted", { status: "accepted" }],
      ["Invitations: status = canceled, oldest first", { status: "canceled", sort: "oldest" }],
      ["Invitations: delivery problems", { delivery: "problems" }],
      ['Invitations: search, rare substring ("son4242")', { q: "son4242" }],
      ['Invitations: search, prefix ("person42")', { q: "person42" }],
      ['Invitations: search, every row matches ("example")', { q: "example" }],
      ["Invitations: search + status = pending", { q: "person1", status: "pending" }],
    ];
    for (const [label, p] of lists) {
      const paramsFor = (k: "big" | "small") =>
        invitationListParams.parse(typeof p === "function" ? p(k) : p);
      const b = await read((db) => listInvitations(db, big.id, paramsFor("big"), now));
      const s = await read((db) => listInvitations(db, small.id, paramsFor("small"), now));
      dbRows.push({ label, big: b.app, floor: b.floor, small: s.app });
      console.log(label, b.app, b.floor, s.app);
    }
    const reads: [string, (db: Db, k: "big" | "small") => Promise<unknown>][] = [
      [
        "Invitation details",
        (db, k) => getInvitationDetail(db, k === "big" ? big.id : small.id, detail[k], now),
      ],
      [
        "Invitation counts by status",
        (db, k) => invitationCounts(db, k === "big" ? big.id : small.id, now),
      ],
      ["Home page figures", (db, k) => accountOverview(db, k === "big" ? big.id : small.id, now)],
      [
        "Subaccounts: first page",
        (db, k) =>
          listSubaccounts(db, k === "big" ? big.id : small.id, subaccountListParams.parse({}), {}),
      ],
      [
        "Subaccounts: type and status filter",
        (db, k) =>
          listSubaccounts(
            db,
            k === "big" ? big.id : small.id,
            subaccountListParams.parse({ type: "retail", status: "deactivated" }),
            {},
          ),
      ],
      [
        'Subaccounts: search by name ("ustomer 42")',
        (db, k) =>
          listSubaccounts(
            db,
            k === "big" ? big.id : small.id,
            subaccountListParams.parse({ q: "ustomer 42" }),
            {},
          ),
      ],
      [
        "Subaccounts: search by account ID",
        (db, k) =>
          listSubaccounts(
            db,
            k === "big" ? big.id : small.id,
            subaccountListParams.parse({ q: "100005" }),
            {},
          ),
      ],
      [
        "Subaccounts: an account manager's own",
        (db, k) =>
          listSubaccounts(db, k === "big" ? big.id : small.id, subaccountListParams.parse({}), {
            managedBy: (k === "big" ? big : small).users[1],
          }),
      ],
    ];
    for (const [label, fn] of reads) {
      const b = await read((db) => fn(db, "big"));
      const s = await read((db) => fn(db, "small"));
      dbRows.push({ label, big: b.app, floor: b.floor, small: s.app });
      console.log(label, b.app, b.floor, s.app);
    }

    // Writes, through the use cases (email rendering and the outbox included).
    const writes = async (k: "big" | "small") => {
      const actor: Actor = actors[k];
      const created: { id: string; token: string }[] = [];
      const n = size.writes;
      const runs = { warm: 2 };
      const create = await timed(
        async (i) => {
          created.push(
            await createInvitation(
              handle.db,
              actor,
              {
                email: `new${i}.${k}@example.org`,
                subaccountType: "retail",
                customMessage: null,
                locale: "en",
              },
              new Date(),
              deps,
            ),
          );
        },
        3 * (n + runs.warm) - runs.warm,
        runs.warm,
      );
      const resend = await timed(
        (i) => resendInvitation(handle.db, actor, { id: created[i]!.id }, new Date(), deps),
        n,
        runs.warm,
      );
      const offset = n + runs.warm;
      const cancel = await timed(
        (i) => cancelInvitation(handle.db, actor, { id: created[offset + i]!.id }, new Date()),
        n,
        runs.warm,
      );
      const tokens = created.slice(2 * offset).map((c) => c.token);
      const accept = await timed(
        (i) =>
          acceptInvitation(
            handle.db,
            { token: tokens[i]!, form: form(`bench.${k}.${i}`), ip: `10.0.${i}.1` },
            new Date(),
            deps,
          ),
        n,
        runs.warm,
      );
      return { create, resend, cancel, accept };
    };
    const wb = await writes("big");
    const ws = await writes("small");
    for (const key of ["create", "resend", "cancel", "accept"] as const) {
      const label = {
        create: "Create an invitation (email rendered and queued)",
        resend: "Resend an invitation",
        cancel: "Cancel an invitation",
        accept: "Accept an invitation (argon2id hash of the password included)",
      }[key];
      dbRows.push({ label, big: wb[key], floor: null, small: ws[key] });
      console.log(label, wb[key], ws[key]);
    }

    if (!args.has("--no-http")) {
      const [invite] = [
        await createInvitation(
          handle.db,
          actors.big,
          {
            email: "http.bench@example.org",
            subaccountType: "retail",
            customMessage: null,
            locale: "en",
          },
          new Date(),
          deps,
        ),
      ];
      const { key } = await createApiKey(
        handle.db,
        actors.big,
        { name: "Bench", scope: "write", expiresInDays: 1 },
        new Date(),
      );
      await http(big.users[0]!, invite!.token, key);
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

if (!smoke && webhooks) writeWebhookFigures(path.join(root, "docs", "performance.md"), webhooks);
if (!webhooksOnly) report();

// ---------------------------------------------------------------------------
// HTTP: the production build under 10 signed-in clients, beside a bare Next.js page.

async function run(command: string, commandArgs: string[], cwd = root) {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      cwd,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${commandArgs.join(" ")}: ${code}`)),
    );
  });
}

function stopAll() {
  for (const server of servers) {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // Gone already.
    }
  }
  servers = [];
}
// A bench stopped from outside (CI's time limit, Ctrl-C) leaves no server behind.
process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });

async function answers(url: string) {
  try {
    await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}

async function start(cwd: string, port: number, env: Record<string, string>) {
  const url = `http://127.0.0.1:${port}/`;
  if (await answers(url)) throw new Error(`port ${port} is taken: stop what runs there first`);
  const next = path.join(root, "node_modules", ".bin", "next");
  // A process group of its own, so that stopping it stops every process it started.
  const child = spawn(next, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    detached: true,
  });
  servers.push(child);
  let exited = false;
  child.on("exit", () => (exited = true));
  for (let i = 0; i < 120 && !exited; i++) {
    if (await answers(url))
      return () =>
        new Promise<void>((resolve) => {
          servers = servers.filter((s) => s !== child);
          if (exited) return resolve();
          child.on("exit", () => resolve());
          process.kill(-child.pid!, "SIGTERM");
        });
    await new Promise((r) => setTimeout(r, 500));
  }
  stopAll();
  throw new Error(`next start in ${cwd} did not answer on port ${port}`);
}

async function load(label: string, url: string, cookie?: string | Record<string, string>) {
  const headers = typeof cookie === "string" ? { cookie } : cookie;
  const page = await fetch(url, {
    headers,
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const body = await page.text();
  if (page.status !== 200) throw new Error(`${label}: ${url} answered ${page.status}`);
  // Warm up (JIT, caches), then measure.
  await autocannon({ url, connections: CLIENTS, duration: Math.min(3, size.seconds), headers });
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CLIENTS, duration: size.seconds, headers },
      (error, answer) => (error ? reject(error) : resolve(answer)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${label}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const f = figures(times);
  httpRows.push({
    label,
    rps: result.requests.average,
    p50: f.p50,
    p95: f.p95,
    bytes: Buffer.byteLength(body),
  });
  console.log(label, Math.round(result.requests.average), "requests/s", f);
}

/** The server's resident memory in bytes (Linux), or null where /proc is not there. */
function residentBytes(pid: number) {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds the server has used so far (Linux), or null where /proc is not there. */
function cpuSeconds(pid: number) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * The export's backpressure: a reader that takes the first chunk and then
 * stops. Uncompressed, so that what the server makes meanwhile is only what
 * the socket buffers hold; a server that read on regardless would keep a core
 * busy for the whole pause and grow by the file's size.
 */
async function stalledDownload(url: string, cookie: string, serverPid: number, pause: number) {
  const response = await fetch(url, {
    headers: { cookie, "accept-encoding": "identity" },
    redirect: "manual",
  });
  if (response.status !== 200 || !response.body)
    throw new Error(`${url} answered ${response.status}`);
  const reader = response.body.getReader();
  const first = await reader.read();
  // The first batch is on its way: from here the server only fills the buffers.
  await new Promise((r) => setTimeout(r, 500));
  const [cpu, rss] = [cpuSeconds(serverPid), residentBytes(serverPid)];
  await new Promise((r) => setTimeout(r, pause * 1000));
  const [cpuAfter, rssAfter] = [cpuSeconds(serverPid), residentBytes(serverPid)];
  await reader.cancel();
  stalledExport = {
    pause,
    cpu: cpu === null || cpuAfter === null ? NaN : cpuAfter - cpu,
    growth: rss === null || rssAfter === null ? NaN : rssAfter - rss,
    received: first.value?.byteLength ?? 0,
  };
  console.log("Export, reader stopped", stalledExport);
}

/**
 * A CSV download through the app's route, read as fast as it comes: rows, size,
 * time, and how far the server's resident memory rose above where it started.
 */
async function download(label: string, url: string, cookie: string, serverPid: number) {
  const before = residentBytes(serverPid);
  let peak = before ?? 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentBytes(serverPid) ?? 0);
  }, 100);
  const started = performance.now();
  try {
    const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
    if (response.status !== 200 || !response.body)
      throw new Error(`${label}: ${url} answered ${response.status}`);
    let bytes = 0;
    let lines = 0;
    const reader = response.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      bytes += part.value.byteLength;
      for (const byte of part.value) if (byte === 10) lines++;
    }
    const seconds = (performance.now() - started) / 1000;
    // The header is a line too.
    const row = { label, rows: lines - 1, bytes, seconds, growth: before ? peak - before : NaN };
    exportRows.push(row);
    console.log(label, row);
  } finally {
    clearInterval(sampler);
  }
}

/** POST /api/v1/invitations with 100 new addresses, a few times: the emails are queued, not sent. */
async function inviteHundred(url: string, headers: Record<string, string>) {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const emails = Array.from(
      { length: 100 },
      (_, i) => `bulk${run}.${i}.${Date.now()}@example.net`,
    );
    const started = performance.now();
    const answer = await fetch(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ emails, subaccount_type: "retail", locale: "en" }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await answer.json()) as { created?: number };
    times.push(performance.now() - started);
    if (answer.status !== 200 || body.created !== 100)
      throw new Error(`POST of 100 addresses answered ${answer.status}, created ${body.created}`);
  }
  apiPost = figures(times);
  console.log("API: POST of 100 addresses", apiPost);
}

async function http(userId: string, acceptToken: string, apiKey: string) {
  // The floor is a project of its own, built outside this one (so that none of the
  // app's instrumentation, proxy or configuration applies) with the same Next.js.
  // Webpack, because Turbopack wants node_modules inside the project's root.
  const floorDir = mkdtempSync(path.join(tmpdir(), "certportal-floor-"));
  try {
    cpSync(path.join(root, "scripts", "bench-floor"), floorDir, { recursive: true });
    symlinkSync(path.join(root, "node_modules"), path.join(floorDir, "node_modules"));
    writeFileSync(path.join(floorDir, "package.json"), '{ "private": true, "type": "module" }\n');
    await run(path.join(root, "node_modules", ".bin", "next"), ["build", "--webpack"], floorDir);
    const floorPort = 3301;
    const stopFloor = await start(floorDir, floorPort, {});
    try {
      await load(
        "Floor: bare dynamic Next.js page, 25-row table",
        `http://127.0.0.1:${floorPort}/`,
      );
      await load(
        "API floor: bare route handler, the same JSON",
        `http://127.0.0.1:${floorPort}/api/floor`,
      );
    } finally {
      await stopFloor();
    }
  } finally {
    rmSync(floorDir, { recursive: true, force: true });
  }
  if (!args.has("--no-build")) await run("npx", ["next", "build"]);

  const port = 3300;
  const secret = "bench-secret-bench-secret-bench-secret";
  const cookieName = "authjs.session-token";
  const token = await encode({ token: { sub: userId }, secret, salt: cookieName, maxAge: 3600 });
  const cookie = `${cookieName}=${token}`;
  const stopApp = await start(root, port, {
    DATABASE_URL: dbUrl,
    APP_URL: `http://localhost:${port}`,
    AUTH_SECRET: secret,
    // Delivery is a separate worker's job here: the bench measures pages, not email.
    OUTBOX_POLL_SECONDS: "0",
    RESEND_API_KEY: "re_bench_not_used",
    // The API's own limits would stop a load test: here they count, but never refuse.
    API_REQUESTS_PER_MINUTE: "100000000",
    INVITATIONS_PER_HOUR: "100000000",
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await load("Home", `${base}/`, cookie);
    await load("Subaccounts", `${base}/subaccounts`, cookie);
    await load("Manage invitations", `${base}/subaccounts/invitations`, cookie);
    await load(
      'Manage invitations, searched ("son4242")',
      `${base}/subaccounts/invitations?q=son4242`,
      cookie,
    );
    await load("Accept page (public, valid link)", `${base}/accept/${acceptToken}`);
    const bearer = { authorization: `Bearer ${apiKey}` };
    await load("API: GET /api/v1/invitations (25)", `${base}/api/v1/invitations?limit=25`, bearer);
    await load(
      "API: GET /api/v1/invitations?q=son4242",
      `${base}/api/v1/invitations?q=son4242&limit=25`,
      bearer,
    );
    await inviteHundred(`${base}/api/v1/invitations`, bearer);
    const pid = servers.at(-1)!.pid!;
    await download("Every invitation", `${base}/subaccounts/invitations/export`, cookie, pid);
    await download(
      "Expired, oldest first",
      `${base}/subaccounts/invitations/export?status=expired&sort=oldest`,
      cookie,
      pid,
    );
    await stalledDownload(`${base}/subaccounts/invitations/export`, cookie, pid, size.seconds);
  } finally {
    await stopApp();
  }
}

// ---------------------------------------------------------------------------

function report() {
  const dbTable = table(
    [
      "query",
      `p50 at ${num(size.invitations)}`,
      "p95",
      "raw SQL p50",
      "raw SQL p95",
      `p50 at ${num(SMALL.invitations)}`,
      "p95",
    ],
    dbRows.map((r) => [
      r.label,
      ms(r.big.p50),
      ms(r.big.p95),
      r.floor ? ms(r.floor.p50) : "—",
      r.floor ? ms(r.floor.p95) : "—",
      ms(r.small.p50),
      ms(r.small.p95),
    ]),
  );
  const floor = httpRows.find((r) => r.label.startsWith("Floor"));
  // The API's rows are measured against the bare route handler, the pages' against the bare page.
  const apiFloor = httpRows.find((r) => r.label.startsWith("API floor"));
  const floorOf = (r: (typeof httpRows)[number]) => (r.label.startsWith("API") ? apiFloor : floor);
  const httpTable = table(
    ["page", "requests/s", "of the floor", "p50 ms", "p95 ms", "body"],
    httpRows.map((r) => [
      r.label,
      num(Math.round(r.rps)),
      floorOf(r) ? `${Math.round((100 * r.rps) / floorOf(r)!.rps)} %` : "—",
      ms(r.p50),
      ms(r.p95),
      `${(r.bytes / 1024).toFixed(1)} KB`,
    ]),
  );
  const exportTable = table(
    [
      "CSV export of Manage invitations",
      "rows",
      "size",
      "seconds",
      "rows/s",
      "server memory growth",
    ],
    exportRows.map((r) => [
      r.label,
      num(r.rows),
      `${(r.bytes / 1024 / 1024).toFixed(1)} MB`,
      r.seconds.toFixed(1),
      num(Math.round(r.rows / r.seconds)),
      Number.isNaN(r.growth) ? "—" : `${(r.growth / 1024 / 1024).toFixed(0)} MB`,
    ]),
  );
  console.log(`\n${dbTable}\n`);
  if (httpRows.length) console.log(`${httpTable}\n`);
  if (exportRows.length) console.log(`${exportTable}\n`);
  if (stalledExport) console.log("Export, reader stopped:", stalledExport);
  if (apiPost) console.log("API: POST of 100 addresses (ms):", apiPost);
  if (smoke) return;
  const section = [
    "<!-- bench:start (written by `npm run bench`) -->",
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: PostgreSQL on the same host, ${CLIENTS} clients for the HTTP part. One partner account holds ${num(size.invitations)} invitations and ${num(size.subaccounts)} subaccounts; another account holds ${num(size.invitations)} more invitations in the same tables; a small account (${num(SMALL.invitations)} invitations, ${num(SMALL.subaccounts)} subaccounts) gives the comparison column. Seeded in ${seedSeconds.toFixed(0)} s. Times in milliseconds, ${size.runs} runs each (writes: ${size.writes}); "raw SQL" replays the statements the call sent through a bare \`pg\` client.`,
    "",
    dbTable,
    "",
    ...(httpRows.length
      ? [
          `Pages from the production build (\`next start\`), ${CLIENTS} signed-in connections for ${size.seconds} s each (autocannon), HTML without compression:`,
          "",
          httpTable,
          "",
          ...(apiPost
            ? [
                `\`POST /api/v1/invitations\` with 100 new addresses (each invited through the use case, its email rendered and queued, not sent): p50 ${ms(apiPost.p50)} ms, p95 ${ms(apiPost.p95)} ms over ${3} requests.`,
                "",
              ]
            : []),
        ]
      : []),
    ...(exportRows.length
      ? [
          "The CSV export through its route, one download at a time, read as fast as it comes; memory growth is the highest resident size of the server during the download less its size before:",
          "",
          exportTable,
          "",
          ...(stalledExport
            ? [
                `A reader that takes the first chunk and then stops reading (uncompressed): over the next ${stalledExport.pause} s the server used ${stalledExport.cpu.toFixed(2)} s of CPU and its resident memory changed by ${(stalledExport.growth / 1024 / 1024).toFixed(0)} MB; it makes no more than the socket's buffers hold until the reader goes on.`,
                "",
              ]
            : []),
        ]
      : []),
    "<!-- bench:end -->",
  ].join("\n");
  const file = path.join(root, "docs", "performance.md");
  const doc = readFileSync(file, "utf8");
  const updated = /<!-- bench:start[\s\S]*?<!-- bench:end -->/.test(doc)
    ? doc.replace(/<!-- bench:start[\s\S]*?<!-- bench:end -->/, section)
    : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, updated);
  console.log(`written to ${path.relative(process.cwd(), file)}`);
}

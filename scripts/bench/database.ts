// The database part: every list, search, details, home-page figures and write
// through the app's code, the reads beside the same SQL replayed raw (the floor),
// each beside the same call for a small account.
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type { Pool } from "pg";
import type { Db } from "@/db";
import * as schema from "@/db/schema";
import { invitations } from "@/db/schema";
import { accountOverview } from "@/lib/accounts/own";
import type { Actor } from "@/lib/auth/actor";
import { acceptInvitation } from "@/lib/invitations/accept";
import {
  getInvitationDetail,
  invitationCounts,
  invitationListParams,
  listInvitations,
} from "@/lib/invitations/queries";
import { cancelInvitation, createInvitation, resendInvitation } from "@/lib/invitations/send";
import { encodeCursor } from "@/lib/lists/keyset";
import {
  getSubaccountDetail,
  listSubaccounts,
  subaccountListParams,
} from "@/lib/subaccounts/queries";
import { type Figures, num, timed } from "./figures";
import type { BenchAccount } from "./seed";
import { SMALL, type Size } from "./settings";

export type QueryRow = { label: string; big: Figures; floor: Figures | null; small: Figures };
type Side = "big" | "small";

/** What a send needs of the app: its address, and an hourly limit no bench reaches. */
export const INVITE_DEPS = { appUrl: "http://localhost:3300", invitationsPerHour: 1_000_000 };

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

/**
 * Every measured query and write, in the report's order. `pool` is a client of
 * the same database besides `db`: the SQL the reads send through it is recorded
 * and replayed raw.
 */
export async function measureQueries(options: {
  db: Db;
  pool: Pool;
  accounts: Record<Side, BenchAccount>;
  actors: Record<Side, Actor>;
  size: Size;
}): Promise<QueryRow[]> {
  return [...(await measureReads(options)), ...(await measureWrites(options))];
}

async function measureReads({
  db,
  pool,
  accounts,
  size,
}: {
  db: Db;
  pool: Pool;
  accounts: Record<Side, BenchAccount>;
  size: Size;
}) {
  let recording: { text: string; params: unknown[] }[] | null = null;
  const recorded = drizzle({
    client: pool,
    schema,
    casing: "snake_case",
    logger: { logQuery: (text, params) => recording?.push({ text, params }) },
  }) as unknown as Db;
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

  const rows: QueryRow[] = [];
  const now = new Date();
  const cursorAt = async (accountId: string, offset: number) => {
    const [row] = await db
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
      await db
        .select({ id: invitations.id })
        .from(invitations)
        .where(eq(invitations.accountId, accountId))
        .orderBy(sql`last_sent_at desc`)
        .offset(500)
        .limit(1)
    )[0]!.id;
  const deep = {
    big: await cursorAt(accounts.big.id, Math.min(size.invitations - 30, 100_000)),
    small: await cursorAt(accounts.small.id, SMALL.invitations - 30),
  };
  const detail = {
    big: await someInvitation(accounts.big.id),
    small: await someInvitation(accounts.small.id),
  };
  const someSubaccount = async (accountId: string) =>
    (
      await db
        .select({ id: schema.accounts.id })
        .from(schema.accounts)
        .where(eq(schema.accounts.parentId, accountId))
        .limit(1)
    )[0]!.id;
  const subaccount = {
    big: await someSubaccount(accounts.big.id),
    small: await someSubaccount(accounts.small.id),
  };

  const lists: [string, Record<string, string> | ((k: Side) => Record<string, string>)][] = [
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
    const paramsFor = (k: Side) => invitationListParams.parse(typeof p === "function" ? p(k) : p);
    const b = await read((db) => listInvitations(db, accounts.big.id, paramsFor("big"), now));
    const s = await read((db) => listInvitations(db, accounts.small.id, paramsFor("small"), now));
    rows.push({ label, big: b.app, floor: b.floor, small: s.app });
    console.log(label, b.app, b.floor, s.app);
  }
  const reads: [string, (db: Db, k: Side) => Promise<unknown>][] = [
    ["Invitation details", (db, k) => getInvitationDetail(db, accounts[k].id, detail[k], now)],
    ["Invitation counts by status", (db, k) => invitationCounts(db, accounts[k].id, now)],
    ["Subaccount details", (db, k) => getSubaccountDetail(db, accounts[k].id, subaccount[k], now)],
    ["Home page figures", (db, k) => accountOverview(db, accounts[k].id, now)],
    [
      "Subaccounts: first page",
      (db, k) => listSubaccounts(db, accounts[k].id, subaccountListParams.parse({}), {}),
    ],
    [
      "Subaccounts: type and status filter",
      (db, k) =>
        listSubaccounts(
          db,
          accounts[k].id,
          subaccountListParams.parse({ type: "retail", status: "deactivated" }),
          {},
        ),
    ],
    [
      'Subaccounts: search by name ("ustomer 42")',
      (db, k) =>
        listSubaccounts(db, accounts[k].id, subaccountListParams.parse({ q: "ustomer 42" }), {}),
    ],
    [
      "Subaccounts: search by account ID",
      (db, k) =>
        listSubaccounts(db, accounts[k].id, subaccountListParams.parse({ q: "100005" }), {}),
    ],
    [
      "Subaccounts: an account manager's own",
      (db, k) =>
        listSubaccounts(db, accounts[k].id, subaccountListParams.parse({}), {
          managedBy: accounts[k].users[1],
        }),
    ],
  ];
  for (const [label, fn] of reads) {
    const b = await read((db) => fn(db, "big"));
    const s = await read((db) => fn(db, "small"));
    rows.push({ label, big: b.app, floor: b.floor, small: s.app });
    console.log(label, b.app, b.floor, s.app);
  }
  return rows;
}

/** Writes, through the use cases (email rendering and the outbox included). */
async function measureWrites({
  db,
  actors,
  size,
}: {
  db: Db;
  actors: Record<Side, Actor>;
  size: Size;
}) {
  const writes = async (k: Side) => {
    const actor = actors[k];
    const created: { id: string; token: string }[] = [];
    const n = size.writes;
    const runs = { warm: 2 };
    const create = await timed(
      async (i) => {
        created.push(
          await createInvitation(
            db,
            actor,
            {
              email: `new${i}.${k}@example.org`,
              subaccountType: "retail",
              customMessage: null,
              locale: "en",
            },
            new Date(),
            INVITE_DEPS,
          ),
        );
      },
      3 * (n + runs.warm) - runs.warm,
      runs.warm,
    );
    const resend = await timed(
      (i) => resendInvitation(db, actor, { id: created[i]!.id }, new Date(), INVITE_DEPS),
      n,
      runs.warm,
    );
    const offset = n + runs.warm;
    const cancel = await timed(
      (i) => cancelInvitation(db, actor, { id: created[offset + i]!.id }, new Date()),
      n,
      runs.warm,
    );
    const tokens = created.slice(2 * offset).map((c) => c.token);
    const accept = await timed(
      (i) =>
        acceptInvitation(
          db,
          { token: tokens[i]!, form: form(`bench.${k}.${i}`), ip: `10.0.${i}.1` },
          new Date(),
          INVITE_DEPS,
        ),
      n,
      runs.warm,
    );
    return { create, resend, cancel, accept };
  };
  const wb = await writes("big");
  const ws = await writes("small");
  const rows: QueryRow[] = [];
  for (const key of ["create", "resend", "cancel", "accept"] as const) {
    const label = {
      create: "Create an invitation (email rendered and queued)",
      resend: "Resend an invitation",
      cancel: "Cancel an invitation",
      accept: "Accept an invitation (argon2id hash of the password included)",
    }[key];
    rows.push({ label, big: wb[key], floor: null, small: ws[key] });
    console.log(label, wb[key], ws[key]);
  }
  return rows;
}

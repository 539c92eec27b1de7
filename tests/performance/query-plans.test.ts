// Every list query is served by an index in the list's order: no sequential scan
// of invitations or accounts, and no sort of more than a sliver of the account's
// rows. Plans are the PostgreSQL server's, so this runs where TEST_DATABASE_URL is set.
import { drizzle } from "drizzle-orm/node-postgres";
import { Client, Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import * as schema from "@/db/schema";
import { accounts, users } from "@/db/schema";
import { accountOverview } from "@/lib/accounts/own";
import { closeOutExpiredInvitations } from "@/lib/invitations/expiry";
import { encodeCursor } from "@/lib/lists/keyset";
import {
  getInvitationDetail,
  invitationCounts,
  invitationListParams,
  listInvitations,
} from "@/lib/invitations/queries";
import {
  getSubaccountDetail,
  listSubaccounts,
  subaccountListParams,
} from "@/lib/subaccounts/queries";
import { createTestDatabase } from "@/tests/helpers/db";
import { seedInvitations, seedSubaccounts } from "@/scripts/bench/seed";

const ROWS = 20_000;
type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  Plans?: PlanNode[];
};

describe.skipIf(!process.env.TEST_DATABASE_URL)("query plans at scale", () => {
  let handle: DbHandle & { url?: string };
  let pool: Pool;
  let recorded: Db;
  let statements: { text: string; params: unknown[] }[] = [];
  const ids = { account: "", manager: "", invitation: "" };

  beforeAll(async () => {
    handle = await createTestDatabase();
    pool = new Pool({ connectionString: handle.url, max: 2 });
    recorded = drizzle({
      client: pool,
      schema,
      casing: "snake_case",
      logger: { logQuery: (text, params) => statements.push({ text, params }) },
    }) as unknown as Db;
    const db = handle.db;
    for (const label of ["Measured", "Neighbour"]) {
      const [account] = await db
        .insert(accounts)
        .values({ name: label, type: "reseller", createdVia: "setup" })
        .returning();
      const [user] = await db
        .insert(users)
        .values({
          accountId: account!.id,
          username: label.toLowerCase(),
          email: `${label}@example.com`,
          firstName: label,
          lastName: "Manager",
          role: "administrator",
        })
        .returning();
      await seedInvitations(
        db,
        { id: account!.id, senders: [user!.id] },
        { count: ROWS, spacingSeconds: 600 },
      );
      // The neighbour holds more subaccounts, as on a shared server.
      await seedSubaccounts(
        db,
        { id: account!.id, manager: user!.id },
        label === "Measured" ? 2000 : 8000,
      );
      if (!ids.account) Object.assign(ids, { account: account!.id, manager: user!.id });
    }
    // The sweep has closed out what expired, as it does every minute.
    await closeOutExpiredInvitations(db, new Date(Date.now() - 60_000), { maxBatches: 1_000 });
    await pool.query("vacuum analyze");
    const [one] = await pool
      .query<{ id: string }>(
        "select id from invitations where account_id = $1 offset 100 limit 1",
        [ids.account],
      )
      .then((r) => r.rows);
    ids.invitation = one!.id;
  }, 120_000);

  afterAll(async () => {
    await pool?.end();
    await handle?.close();
  });

  /** The plans of every statement `call` sends, executed for real (EXPLAIN ANALYZE). */
  async function plans(call: (db: Db) => Promise<unknown>) {
    statements = [];
    await call(recorded);
    const sent = statements;
    statements = [];
    expect(sent.length).toBeGreaterThan(0);
    const result: PlanNode[] = [];
    for (const s of sent) {
      const { rows } = await pool.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
        `explain (analyze, format json) ${s.text}`,
        s.params,
      );
      result.push(rows[0]!["QUERY PLAN"][0].Plan);
    }
    return result;
  }

  /**
   * The same, planned as a prepared statement once PostgreSQL settles on a plan
   * without the values (a generic plan): what the prepared shapes of a list run.
   */
  async function genericPlans(call: (db: Db) => Promise<unknown>) {
    statements = [];
    await call(recorded);
    const sent = statements;
    statements = [];
    // A connection of its own: its statements and settings are nobody else's.
    const client = new Client({ connectionString: handle.url });
    await client.connect();
    try {
      await client.query("set plan_cache_mode = force_generic_plan");
      const result: PlanNode[] = [];
      for (const [i, s] of sent.entries()) {
        await client.query(`prepare generic_${i} as ${s.text}`);
        // EXECUTE takes its values as literals, not as parameters of its own.
        const args = s.params.map((v) => client.escapeLiteral(String(v))).join(", ");
        const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
          `explain (analyze, format json) execute generic_${i}${args ? `(${args})` : ""}`,
        );
        result.push(rows[0]!["QUERY PLAN"][0].Plan);
      }
      return result;
    } finally {
      await client.end();
    }
  }

  /** What a plan does that costs in proportion to the account's rows. */
  function problems(node: PlanNode, found: string[] = [], searched = false): string[] {
    if (
      node["Node Type"] === "Seq Scan" &&
      ["invitations", "accounts"].includes(node["Relation Name"] ?? "")
    )
      found.push(`sequential scan of ${node["Relation Name"]}`);
    if (node["Node Type"] === "Sort") {
      const input = node.Plans?.[0];
      const rows = input ? input["Actual Rows"] * input["Actual Loops"] : 0;
      // A sort of a rare search term's matches is fine; a sort of the account's rows is not.
      if (rows > ROWS / 50) found.push(`sort of ${rows} rows`);
    }
    // Reading rows only to discard them is as bad as sorting them; a search term
    // is the exception: a common one is found by reading a few rows in order.
    const removed = (node["Rows Removed by Filter"] ?? 0) * node["Actual Loops"];
    if (!searched && removed > ROWS / 20) found.push(`${removed} rows read and discarded`);
    for (const child of node.Plans ?? []) problems(child, found, searched);
    return found;
  }

  const now = () => new Date();
  const invitationLists: Record<string, string>[] = [
    {},
    { sort: "oldest" },
    { status: "pending" },
    { status: "pending", sort: "oldest" },
    { status: "expired" },
    { status: "expired", sort: "oldest" },
    { status: "accepted" },
    { status: "canceled", sort: "oldest" },
    { delivery: "problems" },
    { q: "son1234" },
    { q: "person12" },
    { q: "example" },
    { q: "person1", status: "pending" },
    { q: "son1234", status: "expired" },
    { status: "pending", delivery: "problems" },
  ];

  it.each(invitationLists)("lists invitations %o through an index", async (params) => {
    for (const plan of await plans((db) =>
      listInvitations(db, ids.account, invitationListParams.parse(params), now()),
    ))
      expect(problems(plan, [], !!params.q)).toEqual([]);
  });

  // Prepared (see listInvitations): whatever plan PostgreSQL keeps for them must use the index.
  it.each(invitationLists.filter((p) => !p.q && p.status !== "expired"))(
    "lists invitations %o through an index with a generic plan",
    async (params) => {
      const after = { after: encodeCursor({ at: new Date(), id: ids.invitation }) };
      for (const list of [params, { ...params, ...after }])
        for (const plan of await genericPlans((db) =>
          listInvitations(db, ids.account, invitationListParams.parse(list), now()),
        ))
          expect(problems(plan)).toEqual([]);
    },
  );

  // "Expiring soon" is in the list's order (last sent) but found by expiry: the planner
  // may read the week's pending invitations and sort them, never more than the week.
  it.each([{ expiring: "soon" }, { status: "pending", expiring: "soon", sort: "expires" }])(
    "lists invitations %o from the week's expiries only",
    async (params) => {
      const { rows } = await pool.query<{ n: string }>(
        "select count(*) as n from invitations where account_id = $1 and status = 'pending' and expires_at > now() and expires_at <= now() + interval '7 days'",
        [ids.account],
      );
      const week = Number(rows[0]!.n);
      expect(week).toBeGreaterThan(ROWS / 50);
      for (const run of [plans, genericPlans])
        for (const plan of await run((db) =>
          listInvitations(db, ids.account, invitationListParams.parse(params), now()),
        ))
          expect(
            problems(plan).filter((p) => {
              const sorted = /^sort of (\d+) rows$/.exec(p);
              return !sorted || Number(sorted[1]) > week * 1.1;
            }),
          ).toEqual([]);
    },
  );

  it("pages deep into the list through the index", async () => {
    const { rows } = await pool.query<{ at: Date; id: string }>(
      "select last_sent_at as at, id from invitations where account_id = $1 order by last_sent_at desc, id desc offset 10000 limit 1",
      [ids.account],
    );
    const after = encodeCursor(rows[0]!);
    for (const plan of await plans((db) =>
      listInvitations(db, ids.account, invitationListParams.parse({ after }), now()),
    ))
      expect(problems(plan)).toEqual([]);
  });

  it.each([{}, { type: "retail", status: "deactivated" }, { q: "ustomer 42" }, { q: "100005" }])(
    "lists subaccounts %o through an index",
    async (params) => {
      for (const plan of await plans((db) =>
        listSubaccounts(db, ids.account, subaccountListParams.parse(params), {}),
      ))
        expect(problems(plan)).toEqual([]);
      for (const plan of await plans((db) =>
        listSubaccounts(db, ids.account, subaccountListParams.parse(params), {
          managedBy: ids.manager,
        }),
      ))
        expect(problems(plan)).toEqual([]);
    },
  );

  it("counts invitations and shows details without reading the account's rows", async () => {
    for (const call of [
      (db: Db) => invitationCounts(db, ids.account, now()),
      (db: Db) => getInvitationDetail(db, ids.account, ids.invitation, now()),
    ])
      for (const plan of await plans(call)) expect(problems(plan)).toEqual([]);
    // The home page's subaccount figure is an exact count of direct subaccounts
    // (cheap at tens of thousands); its invitation figure reads no invitation rows.
    for (const plan of await plans((db) => accountOverview(db, ids.account, now())))
      expect(problems(plan).filter((p) => !p.endsWith("accounts"))).toEqual([]);
  });

  it("shows a subaccount's page without reading the account's invitations", async () => {
    const { rows } = await pool.query<{ id: string }>(
      "select id from accounts where parent_id = $1 limit 1",
      [ids.account],
    );
    for (const plan of await plans((db) =>
      getSubaccountDetail(db, ids.account, rows[0]!.id, now()),
    ))
      expect(problems(plan)).toEqual([]);
  });
});

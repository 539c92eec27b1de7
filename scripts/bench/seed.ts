import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, users } from "@/db/schema";

/** An account of the bench: its id and its users, the first its Administrator. */
export type BenchAccount = { id: string; users: string[] };

/** A reseller account with `managers` users: the first an Administrator, the others Managers. */
export async function makeAccount(db: Db, label: string, managers = 5): Promise<BenchAccount> {
  const [account] = await db
    .insert(accounts)
    .values({
      name: `${label} Certs GmbH`,
      type: "reseller",
      createdVia: "setup",
      allowedSubaccountTypes: ["enterprise", "reseller", "retail"],
    })
    .returning();
  const staff = await db
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

/**
 * The bench's data: one big partner account, another as big sharing the tables
 * (invitations only), a small one; invitations spread over the last two years,
 * whatever the count.
 */
export async function seedAtScale(
  db: Db,
  { big, other, small }: Record<"big" | "other" | "small", BenchAccount>,
  counts: Record<"big" | "small", { invitations: number; subaccounts: number }>,
) {
  const invite = (a: BenchAccount, count: number) =>
    seedInvitations(
      db,
      { id: a.id, senders: a.users },
      { count, spacingSeconds: (2 * 365 * 24 * 3600) / count },
    );
  const children = (a: BenchAccount, count: number) =>
    seedSubaccounts(db, { id: a.id, manager: a.users[1] ?? a.users[0]! }, count);
  await Promise.all([
    invite(big, counts.big.invitations),
    invite(other, counts.big.invitations),
    invite(small, counts.small.invitations),
    children(big, counts.big.subaccounts),
    children(small, counts.small.subaccounts),
  ]);
}

/**
 * `count` invitations of one account, one every `spacingSeconds` back from now,
 * as a long-lived account has them: a quarter accepted, a quarter canceled, the
 * rest pending or (closed out by the sweep) expired, one in 200 bounced; row g is
 * sent to person{g}@example.com by one of `senders` in turn. One statement, so a
 * million rows take seconds. For the benchmark and the query-plan test.
 */
export async function seedInvitations(
  db: Db,
  account: { id: string; senders: string[] },
  options: { count: number; spacingSeconds: number },
) {
  const senders = sql.join(
    account.senders.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await db.execute(sql`
    insert into invitations (account_id, email, subaccount_type, locale, token_hash, status,
      delivery_status, sent_by, sent_at, last_sent_at, expires_at, created_at)
    select ${account.id}, 'person' || g || '@example.com',
      (array['retail','enterprise','reseller']::account_type[])[1 + g % 3], 'en',
      md5(${account.id}::text || g) || md5(g || ${account.id}::text),
      (case when g % 4 = 1 then 'accepted' when g % 4 = 2 then 'canceled'
            when ts + interval '30 days' <= now() - interval '5 minutes' then 'expired'
            else 'pending' end)::invitation_status,
      (case when g % 200 = 0 then 'bounced' else 'delivered' end)::invitation_delivery,
      (array[${senders}])[1 + g % ${account.senders.length}], ts, ts, ts + interval '30 days', ts
    from (select g, now() - g * ${options.spacingSeconds}::float8 * interval '1 second' as ts
          from generate_series(1, ${options.count}) g) s`);
}

/**
 * `count` direct subaccounts of one account, one an hour back from now: every
 * twentieth deactivated, every third with a nickname, every tenth managed by
 * `manager`. Named "Customer {g} GmbH".
 */
export async function seedSubaccounts(
  db: Db,
  parent: { id: string; manager: string },
  count: number,
) {
  await db.execute(sql`
    insert into accounts (parent_id, name, nickname, type, status, created_via, account_manager_id, created_at, updated_at)
    select ${parent.id}, 'Customer ' || g || ' GmbH', case when g % 3 = 0 then 'Key account ' || g end,
      (array['enterprise','reseller','retail']::account_type[])[1 + g % 3],
      (case when g % 20 = 0 then 'deactivated' else 'active' end)::account_status, 'invitation',
      case when g % 10 = 0 then ${parent.manager}::uuid end,
      now() - g * interval '1 hour', now() - g * interval '1 hour'
    from generate_series(1, ${count}) g`);
}

/**
 * The id of subaccount 30 of `seedSubaccounts` (at least 30 seeded): active,
 * with a nickname and a manager, so its page shows all a subaccount's page may.
 */
export async function seededSubaccount(db: Db, parentId: string) {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.parentId, parentId), eq(accounts.name, "Customer 30 GmbH")));
  if (!row) throw new Error("no seeded subaccount 30: seed at least 30 subaccounts");
  return row.id;
}

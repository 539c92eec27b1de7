import { sql } from "drizzle-orm";
import type { Db } from "@/db";

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

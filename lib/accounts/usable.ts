import { type Column, type SQL, sql } from "drizzle-orm";

/**
 * An account is usable only while it and every account above it is active: a
 * deactivated Reseller takes its whole subtree with it. One rule, in SQL, which
 * sign-in, the session re-check, every change, inviting and accepting use.
 */
export function accountUsableSql(accountId: Column | SQL): SQL<boolean> {
  // Inner tables are aliased so that a column of an outer "accounts" stays the outer one;
  // UNION (not UNION ALL) ends the walk even if a parent loop ever existed.
  return sql<boolean>`(not exists (
    with recursive account_chain(id, parent_id, status) as (
      select self.id, self.parent_id, self.status from accounts self where self.id = ${accountId}
      union
      select up.id, up.parent_id, up.status
        from accounts up join account_chain below on up.id = below.parent_id
    )
    select 1 from account_chain where account_chain.status <> 'active'
  ))`;
}

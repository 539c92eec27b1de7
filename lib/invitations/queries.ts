import { and, desc, eq, getTableColumns, gte, ilike, lt, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { type Db, selectRows } from "@/db";
import {
  accounts,
  apiKeys,
  invitationCounts as invitationCountsTable,
  invitationEvents,
  invitations,
  users,
} from "@/db/schema";
import { fullName } from "@/lib/users/names";
import {
  containsPattern,
  escapeLike,
  keysetOrder,
  keysetPaging,
  keysetPast,
  pagePosition,
  searchTerm,
} from "@/lib/lists/keyset";
import { INVITABLE_TYPES } from "@/lib/enums";
import {
  DISPLAY_STATUSES,
  type DisplayStatus,
  EXPIRING_SOON_DAYS,
  INVITATION_ORDERS,
} from "./constants";
import {
  displayStatus,
  expiringSoonCondition,
  invitationOrder,
  lapsedCondition,
  statusCondition,
} from "./status";

/** The list's filters as they stand in the URL. Unknown values fall back to defaults. */
export const invitationListParams = z.object({
  status: z.enum(DISPLAY_STATUSES).optional().catch(undefined),
  q: searchTerm(254),
  /** One address exactly, in any case (CertCentral's search without a leading %). */
  email: searchTerm(254),
  /** "problems": only invitations whose latest email bounced or failed. */
  delivery: z.enum(["problems"]).optional().catch(undefined),
  /** "soon": pending, and expiring within the next EXPIRING_SOON_DAYS days. */
  expiring: z.enum(["soon"]).optional().catch(undefined),
  sort: z.enum(INVITATION_ORDERS).catch("newest").default("newest"),
  /** The subaccount type offered (the API's filter; the page has no control for it). */
  type: z.enum(INVITABLE_TYPES).optional().catch(undefined),
  /** Last sent at or after, and before (the API's "sent between"). */
  sentFrom: z.coerce.date().optional().catch(undefined),
  sentUntil: z.coerce.date().optional().catch(undefined),
  ...pagePosition,
});
export type InvitationListParams = z.infer<typeof invitationListParams>;

/** The values a page of the list is read with, by the placeholder names of its query. */
type PageValues = {
  account: string;
  now: string;
  q?: string;
  email?: string;
  type?: string;
  from?: string;
  until?: string;
  at?: string;
  id?: string;
  limit: number;
};

/** What decides the text of the list's query (the values aside). */
type PageShape = {
  status?: DisplayStatus;
  q: boolean;
  email: boolean;
  problems: boolean;
  expiring: boolean;
  type: boolean;
  from: boolean;
  until: boolean;
  cursor: boolean;
  descending: boolean;
};

/** The list's keyset: by last sent, then id. */
const listKey = { at: invitations.lastSentAt, id: invitations.id };

const pageColumns = {
  id: invitations.id,
  email: invitations.email,
  subaccountType: invitations.subaccountType,
  status: invitations.status,
  deliveryStatus: invitations.deliveryStatus,
  expiresAt: invitations.expiresAt,
  lastSentAt: invitations.lastSentAt,
  sentAt: invitations.sentAt,
  customMessage: invitations.customMessage,
  sentById: invitations.sentBy,
};

/**
 * The list's conditions, with each value either inline (`bound` false) or a
 * placeholder of a prepared statement, so both are written once, here.
 */
function pageConditions(shape: PageShape, values: PageValues, bound: boolean) {
  const v = <K extends keyof PageValues>(name: K) =>
    bound ? sql.placeholder(name) : (values[name] as NonNullable<PageValues[K]>);
  const at = (name: keyof PageValues) => sql`${v(name)}::timestamptz`;
  const conditions: SQL[] = [eq(invitations.accountId, v("account"))];
  // Served by the trigram index (pg_trgm); ILIKE, so the case of the address does not matter.
  if (shape.q) conditions.push(ilike(invitations.email, v("q")));
  // ILIKE without wildcards: the same trigram index, case-insensitive, exact.
  if (shape.email) conditions.push(ilike(invitations.email, v("email")));
  if (shape.problems)
    // Written as the partial index's own condition, so that index serves it.
    conditions.push(sql`${invitations.deliveryStatus} in ('bounced', 'failed')`);
  if (shape.expiring) conditions.push(expiringSoonCondition(at("now")));
  if (shape.type) conditions.push(sql`${invitations.subaccountType} = ${v("type")}`);
  // On the keyset's own column: a range of the index the list reads anyway.
  if (shape.from) conditions.push(gte(invitations.lastSentAt, at("from")));
  if (shape.until) conditions.push(lt(invitations.lastSentAt, at("until")));
  if (shape.cursor)
    conditions.push(
      keysetPast(listKey, shape.descending, { at: at("at"), id: sql`${v("id")}::uuid` }),
    );
  return { conditions, now: at("now"), limit: v("limit") };
}

function pageSelect(db: Db, shape: PageShape, values: PageValues, bound: boolean) {
  const { conditions, now, limit } = pageConditions(shape, values, bound);
  return db
    .select({ ...pageColumns, sentBy: fullName(users) })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.sentBy))
    .where(and(...conditions, shape.status ? statusCondition(shape.status, now) : undefined))
    .orderBy(...keysetOrder(listKey, shape))
    .limit(limit);
}

type PageRow = Awaited<ReturnType<typeof pageSelect>>[number];
type PreparedPage = ReturnType<ReturnType<typeof pageSelect>["prepare"]>;
const preparedPages = new WeakMap<Db, Map<string, PreparedPage>>();

/**
 * Every view of Manage invitations and every API call of the list runs this, so
 * a shape without a search term is prepared: built by drizzle and parsed once
 * per connection (0.6 ms of CPU a call otherwise), its plan kept by PostgreSQL
 * (a generic plan walks the same index; tests/performance/query-plans.test.ts
 * checks). A search is built afresh and planned with its term: the trigram
 * index for a rare one, the list's order for a common one.
 */
async function pageRows(db: Db, shape: PageShape, values: PageValues): Promise<PageRow[]> {
  if (shape.q || shape.email) return pageSelect(db, shape, values, false);
  let mine = preparedPages.get(db);
  if (!mine) preparedPages.set(db, (mine = new Map()));
  const flags = [shape.problems, shape.type, shape.from, shape.until, shape.cursor, shape.expiring];
  const name = `invitation_page_${shape.status ?? "all"}_${shape.descending ? "d" : "a"}${flags
    .map((on) => (on ? 1 : 0))
    .join("")}`;
  let query = mine.get(name);
  if (!query) mine.set(name, (query = pageSelect(db, shape, values, true).prepare(name)));
  return query.execute(values);
}

/**
 * One page of an account's invitations, keyset-paginated on (last sent, id). An
 * invitation expires a fixed time after it was last sent (`expiryFor`), so the
 * order by expiry is the order by date sent, served by the same indexes.
 */
export async function listInvitations(
  db: Db,
  accountId: string,
  params: InvitationListParams,
  now: Date,
  { size }: { size?: number } = {},
) {
  const listOrder = invitationOrder(params);
  const paging = keysetPaging(params, {
    key: listKey,
    order: listOrder === "oldest" || listOrder === "expires" ? "oldest" : "newest",
    size,
  });
  const shape: PageShape = {
    // "Expiring soon" holds only pending ones: Pending's own condition would only tempt
    // the planner to the partial index of pending expiries and a sort of them all.
    status: params.expiring && params.status === "pending" ? undefined : params.status,
    q: !!params.q,
    email: !!params.email,
    problems: params.delivery === "problems",
    expiring: params.expiring === "soon",
    type: !!params.type,
    from: !!params.sentFrom,
    until: !!params.sentUntil,
    cursor: !!paging.cursor,
    descending: paging.descending,
  };
  const values: PageValues = {
    account: accountId,
    now: now.toISOString(),
    q: params.q ? containsPattern(params.q) : undefined,
    email: params.email ? escapeLike(params.email) : undefined,
    type: params.type,
    from: params.sentFrom?.toISOString(),
    until: params.sentUntil?.toISOString(),
    at: paging.cursor?.at.toISOString(),
    id: paging.cursor?.id,
    limit: paging.limit,
  };
  let rows: PageRow[];
  if (params.status !== "expired") rows = await pageRows(db, shape, values);
  else {
    // Expired also holds the few that lapsed since the last sweep, found through the
    // partial index of pending expiries: OFFSET 0 keeps the planner from walking the
    // list's order for them instead (it cannot know how few they are). Raw SQL for
    // that literal OFFSET 0 (drizzle would send a parameter, which is no fence), and
    // one statement for both parts, so one snapshot: a row the sweep closes out
    // meanwhile is in one part or the other, never in neither.
    const { conditions, now: moment, limit } = pageConditions(shape, values, false);
    const dir = paging.descending ? sql`desc` : sql`asc`;
    const part = (source: SQL) => sql`(
      select l.id, l.email, l.subaccount_type as "subaccountType", l.status,
        l.delivery_status as "deliveryStatus", l.expires_at as "expiresAt",
        l.last_sent_at as "lastSentAt", l.sent_at as "sentAt", l.custom_message as "customMessage",
        l.sent_by as "sentById", ${fullName(users)} as "sentBy"
      from ${source} l join ${users} on ${users.id} = l.sent_by
      order by l.last_sent_at ${dir}, l.id ${dir} limit ${limit})`;
    const closedOut = sql`(select * from ${invitations} where ${and(...conditions, statusCondition("expired", moment))})`;
    const lapsed = sql`(select * from ${invitations} where ${and(...conditions, lapsedCondition(moment))} offset 0)`;
    rows = (
      await selectRows<PageRow>(
        db,
        sql`select * from (${part(closedOut)} union all ${part(lapsed)}) expired
            order by "lastSentAt" ${dir}, id ${dir} limit ${limit}`,
      )
    ).map((r) => ({
      ...r,
      expiresAt: new Date(r.expiresAt),
      lastSentAt: new Date(r.lastSentAt),
      sentAt: new Date(r.sentAt),
    }));
  }
  const page = paging.page(rows, (r) => ({ at: r.lastSentAt, id: r.id }));
  return {
    ...page,
    rows: page.rows.map((r) => ({
      id: r.id,
      email: r.email,
      subaccountType: r.subaccountType,
      status: displayStatus(r, now),
      deliveryStatus: r.deliveryStatus,
      sentBy: r.sentBy,
      lastSentAt: r.lastSentAt,
      sentAt: r.sentAt,
      customMessage: r.customMessage,
      expiresAt: r.expiresAt,
    })),
  };
}

/** Everything the details page shows, or null when the invitation is not this account's. */
export async function getInvitationDetail(db: Db, accountId: string, id: string, now: Date) {
  const sender = alias(users, "sender");
  const canceler = alias(users, "canceler");
  const { tokenHash: _secret, ...columns } = getTableColumns(invitations);
  const [row] = await db
    .select({
      inv: columns,
      sentByName: fullName(sender),
      canceledByName: sql<string | null>`${fullName(canceler)}`,
      subaccountName: accounts.name,
    })
    .from(invitations)
    .innerJoin(sender, eq(sender.id, invitations.sentBy))
    .leftJoin(canceler, eq(canceler.id, invitations.canceledBy))
    .leftJoin(accounts, eq(accounts.id, invitations.acceptedAccountId))
    .where(and(eq(invitations.id, id), eq(invitations.accountId, accountId)));
  if (!row) return null;
  const events = await db
    .select({
      id: invitationEvents.id,
      type: invitationEvents.type,
      createdAt: invitationEvents.createdAt,
      detail: invitationEvents.detail,
      actorName: sql<string | null>`${fullName(users)}`,
      apiKeyName: apiKeys.name,
    })
    .from(invitationEvents)
    .leftJoin(users, eq(users.id, invitationEvents.actorUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, invitationEvents.actorApiKeyId))
    .where(eq(invitationEvents.invitationId, id))
    .orderBy(desc(invitationEvents.createdAt), desc(invitationEvents.id));
  return {
    ...row.inv,
    displayStatus: displayStatus(row.inv, now),
    sentByName: row.sentByName,
    canceledByName: row.canceledByName,
    subaccountName: row.subaccountName,
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      createdAt: e.createdAt,
      reason: typeof e.detail?.reason === "string" ? e.detail.reason : null,
      from: typeof e.detail?.from === "string" ? e.detail.from : "",
      to: typeof e.detail?.to === "string" ? e.detail.to : "",
      /** A reminder: how many days the link had left. */
      daysLeft: typeof e.detail?.daysLeft === "number" ? e.detail.daysLeft : null,
      actorName: e.actorName,
      /** Set when the change came through the API, by this key acting as actorName. */
      apiKeyName: e.apiKeyName,
    })),
  };
}

export type InvitationCounts = Record<DisplayStatus, number> & { all: number };

/**
 * How many invitations the list holds, where the counters know it: a status (or
 * all). A search or the delivery filter is not counted (at a million rows that
 * would cost more than the page), so it has no total.
 */
export function invitationListTotal(
  counts: InvitationCounts,
  params: Pick<
    InvitationListParams,
    "status" | "q" | "email" | "delivery" | "expiring" | "type" | "sentFrom" | "sentUntil"
  >,
): number | undefined {
  const narrowed =
    params.q ||
    params.email ||
    params.delivery ||
    params.expiring ||
    params.type ||
    params.sentFrom ||
    params.sentUntil;
  return narrowed ? undefined : counts[params.status ?? "all"];
}

/**
 * How many invitations of each status an account holds, from the counters the
 * triggers keep, corrected by the pending ones past their expiry that the sweep
 * has not closed out yet (a few, found by a partial index). One round trip; it
 * never counts the account's rows.
 */
export async function invitationCounts(
  db: Db,
  accountId: string,
  now: Date,
): Promise<InvitationCounts> {
  const rows = await selectRows<{ status: string; n: string | number }>(
    db,
    sql`
    select status::text as status, n from ${invitationCountsTable} where account_id = ${accountId}
    union all
    select 'lapsed', count(*) from ${invitations}
    where ${invitations.accountId} = ${accountId} and ${lapsedCondition(now)}`,
  );
  const stored = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  const lapsed = stored.lapsed ?? 0;
  const counts = {
    pending: (stored.pending ?? 0) - lapsed,
    expired: (stored.expired ?? 0) + lapsed,
    accepted: stored.accepted ?? 0,
    canceled: stored.canceled ?? 0,
  };
  return { ...counts, all: counts.pending + counts.expired + counts.accepted + counts.canceled };
}

/**
 * How many of an account's invitations expire soon (pending, within the next
 * EXPIRING_SOON_DAYS days): a range of the partial index of pending expiries,
 * read without its rows.
 */
export async function expiringSoonCount(db: Db, accountId: string, now: Date): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await selectRows<{ n: string | number }>(
    db,
    sql`select count(*) as n from ${invitations}
        where ${invitations.accountId} = ${accountId} and ${invitations.status} = 'pending'
          and ${invitations.expiresAt} > ${at}
          and ${invitations.expiresAt} <= ${at} + ${sql.raw(`interval '${EXPIRING_SOON_DAYS} days'`)}`,
  );
  return Number(row?.n ?? 0);
}

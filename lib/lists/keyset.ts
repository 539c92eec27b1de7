import { type AnyColumn, asc, desc, type SQL, sql } from "drizzle-orm";
import { z } from "zod";

/**
 * The toolkit every list shares: keyset pages on (a timestamp, id), cursors in
 * the URL, "Previous" that goes back one page, and LIKE patterns that match
 * what was typed. A list supplies its columns and its query; the rest is here.
 */

/** Rows on one page of any list. */
export const PAGE_SIZE = 25;

export type Cursor = { at: Date; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.id}`).toString("base64url");
}

/** A cursor from the URL, or null for anything that is not one. */
export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  const [at, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  if (Number.isNaN(date.getTime()) || !z.uuid().safeParse(id).success) return null;
  return { at: date, id: id! };
}

/**
 * The page position as it stands in the URL: after a row (Next) or before one
 * (Previous), and the number of the page's first row, only for "Showing 26–50"
 * (the cursor decides what is shown; rows added meanwhile shift the count, not the page).
 */
export const pagePosition = {
  after: z.string().max(200).optional().catch(undefined),
  before: z.string().max(200).optional().catch(undefined),
  from: z.coerce.number().int().min(1).max(1e9).optional().catch(undefined),
};

/** Where the shown page starts, ends and what Previous and Next count from. */
export function pageRange(
  params: { after?: string; before?: string; from?: number },
  page: Pick<Page<unknown>, "rows" | "previousCursor">,
  size = PAGE_SIZE,
) {
  // The first page is row 1 whatever the URL says; so is a page with nothing before it.
  const first = page.previousCursor && (params.after || params.before) ? (params.from ?? 1) : 1;
  const last = first + page.rows.length - 1;
  return { first, last, next: last + 1, previous: Math.max(1, first - size) };
}

/** A search term as typed, matched literally: `%`, `_` and `\` are not wildcards. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%term%` for ILIKE, with the term escaped. */
export function containsPattern(value: string): string {
  return `%${escapeLike(value)}%`;
}

export type Keyset = {
  /** The cursor the page starts from, if any. */
  cursor: Cursor | null;
  /** Reading towards the start of the list (Previous): the query runs in reverse order. */
  backward: boolean;
  /** Whether the query runs in descending order of (at, id). */
  descending: boolean;
};

/**
 * Where a page starts and which way the query reads. A list ordered newest first
 * reads descending; going back a page reads the other way from the page's first row.
 */
export function keyset(
  params: { after?: string; before?: string },
  order: "newest" | "oldest",
): Keyset {
  const before = decodeCursor(params.before);
  const backward = !!before;
  const cursor = before ?? decodeCursor(params.after);
  return { cursor, backward, descending: (order === "newest") !== backward };
}

/** Rows past the cursor in the query's direction. */
function keysetCondition(
  columns: { at: AnyColumn; id: AnyColumn },
  { cursor, descending }: Keyset,
): SQL | undefined {
  if (!cursor) return undefined;
  return keysetPast(columns, descending, {
    at: sql`${cursor.at.toISOString()}::timestamptz`,
    id: sql`${cursor.id}::uuid`,
  });
}

/** Rows past the position (at, id): literal values, or a prepared statement's placeholders. */
export function keysetPast(
  columns: { at: AnyColumn; id: AnyColumn },
  descending: boolean,
  position: { at: SQL; id: SQL },
): SQL {
  return descending
    ? sql`(${columns.at}, ${columns.id}) < (${position.at}, ${position.id})`
    : sql`(${columns.at}, ${columns.id}) > (${position.at}, ${position.id})`;
}

/** The ORDER BY of a keyset query in its direction. */
export function keysetOrder(
  columns: { at: AnyColumn; id: AnyColumn },
  { descending }: Pick<Keyset, "descending">,
) {
  return descending ? [desc(columns.at), desc(columns.id)] : [asc(columns.at), asc(columns.id)];
}

export type Page<T> = { rows: T[]; nextCursor: string | null; previousCursor: string | null };

/**
 * One page from a query that fetched `size + 1` rows in the keyset's direction:
 * the extra row only tells whether there is more that way. Rows read backward
 * are put back in the list's order.
 */
export function keysetPage<T>(
  fetched: T[],
  size: number,
  ks: Keyset,
  cursorOf: (row: T) => Cursor,
): Page<T> {
  const more = fetched.length > size;
  const rows = fetched.slice(0, size);
  if (ks.backward) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  const hasNext = ks.backward ? true : more;
  const hasPrevious = ks.backward ? more : !!ks.cursor;
  return {
    rows,
    nextCursor: hasNext && last ? encodeCursor(cursorOf(last)) : null,
    previousCursor: hasPrevious && first ? encodeCursor(cursorOf(first)) : null,
  };
}

/**
 * How a list reads one page by keyset on its key (a timestamp, id), from the
 * position in its URL: the rows past the cursor (`where`, none on the first
 * page), in the direction the page reads (`orderBy`), one row more than a page
 * (`limit`: the extra row tells whether there is more), and `page` to make the
 * page of what was fetched. Every keyset list's query takes these from here.
 */
export function keysetPaging(
  params: { after?: string; before?: string },
  {
    key,
    order,
    size = PAGE_SIZE,
  }: { key: { at: AnyColumn; id: AnyColumn }; order: "newest" | "oldest"; size?: number },
) {
  const ks = keyset(params, order);
  return {
    ...ks,
    where: keysetCondition(key, ks),
    orderBy: keysetOrder(key, ks),
    limit: size + 1,
    page: <T>(fetched: T[], cursorOf: (row: T) => Cursor) =>
      keysetPage(fetched, size, ks, cursorOf),
  };
}

/** A search box's term from the URL: trimmed, empty as none, too long as none. */
export function searchTerm(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);
}

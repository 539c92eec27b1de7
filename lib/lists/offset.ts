import { z } from "zod";
import { PAGE_SIZE } from "./keyset";

/**
 * Pages by row number, for the lists an account keeps few of and shows in an
 * order of words (users by name, contracts by name): a few hundred rows at
 * most, so counting and skipping them costs nothing worth a cursor. The lists
 * that grow without bound (invitations, subaccounts, activity) page by keyset.
 */

/** The number of the page's first row, as it stands in the URL (`from`). */
export const offsetPosition = {
  from: z.coerce.number().int().min(1).max(1e6).optional().catch(undefined),
};

export type OffsetRange = {
  /** Rows to skip: the query's OFFSET. */
  offset: number;
  first: number;
  last: number;
  /** Where Previous and Next start, or null where there is no such page. */
  previous: number | null;
  next: number | null;
};

/**
 * The page that starts at row `from` of `total`. A start past the end (rows
 * removed since the link was made) shows the last page; Previous goes back one
 * page from wherever the page starts, not to the start.
 */
export function offsetRange(
  from: number | undefined,
  total: number,
  size = PAGE_SIZE,
): OffsetRange {
  const lastPageStart = Math.max(1, total - ((total - 1) % size));
  const start = Math.max(1, from ?? 1);
  const first = start > total ? lastPageStart : start;
  const last = Math.min(total, first + size - 1);
  return {
    offset: first - 1,
    first,
    last,
    previous: first > 1 ? Math.max(1, first - size) : null,
    next: last < total ? last + 1 : null,
  };
}

/**
 * One page of a list by row number, beside the counts of its status tabs: the
 * tab shown (or all) gives the total, the total and the URL's `from` the range,
 * and `rows` reads the page with the range's LIMIT and OFFSET.
 */
export async function offsetPage<Status extends string, Row>(
  params: { status?: Status; from?: number },
  counts: Record<Status | "all", number>,
  {
    size = PAGE_SIZE,
    rows,
  }: { size?: number; rows: (page: { limit: number; offset: number }) => Promise<Row[]> },
) {
  const total = counts[params.status ?? "all"];
  const range = offsetRange(params.from, total, size);
  return { rows: await rows({ limit: size, offset: range.offset }), counts, total, range };
}

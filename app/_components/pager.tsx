import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { type Page, pageRange } from "@/lib/lists/keyset";
import type { OffsetRange } from "@/lib/lists/offset";
import { queryString } from "@/lib/url";

type Filters = Record<string, string | undefined>;

/**
 * "Showing 26–50 of 1,234" and Previous and Next for a keyset-paged list: each
 * link keeps the list's filters and moves one page from where the reader is.
 * Plain links, so they work without JavaScript. `total` is left out where
 * counting would cost more than the page (a search at a million rows).
 */
export async function Pager({
  path,
  filters,
  params,
  page,
  total,
}: {
  path: string;
  filters: Filters;
  params: { after?: string; before?: string; from?: number };
  page: Pick<Page<unknown>, "rows" | "nextCursor" | "previousCursor">;
  total?: number;
}) {
  if (page.rows.length === 0) return null;
  const range = pageRange(params, page);
  return (
    <PagerView
      first={range.first}
      last={range.last}
      total={total}
      previous={
        page.previousCursor
          ? `${path}${queryString({ ...filters, before: page.previousCursor, from: String(range.previous) })}`
          : null
      }
      next={
        page.nextCursor
          ? `${path}${queryString({ ...filters, after: page.nextCursor, from: String(range.next) })}`
          : null
      }
    />
  );
}

/** The same for a list paged by row number (`lib/lists/offset.ts`). */
export async function OffsetPager({
  path,
  filters,
  range,
  total,
}: {
  path: string;
  filters: Filters;
  range: OffsetRange;
  total: number;
}) {
  if (total === 0) return null;
  const at = (from: number | null) =>
    from === null ? null : `${path}${queryString({ ...filters, from: String(from) })}`;
  return (
    <PagerView
      first={range.first}
      last={range.last}
      total={total}
      previous={at(range.previous)}
      next={at(range.next)}
    />
  );
}

async function PagerView({
  first,
  last,
  total,
  previous,
  next,
}: {
  first: number;
  last: number;
  total?: number;
  previous: string | null;
  next: string | null;
}) {
  const t = await getTranslations("common");
  const link = "text-brand-700 rounded-md px-2 py-1 underline";
  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-700">
        {total === undefined
          ? t("showing", { first, last })
          : t("showingOf", { first, last, total })}
      </p>
      {previous || next ? (
        <nav aria-label={t("pagination")} className="flex gap-2">
          {previous ? (
            <Link href={previous} rel="prev" className={link}>
              {t("previous")}
            </Link>
          ) : null}
          {next ? (
            <Link href={next} rel="next" className={link}>
              {t("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { type Page, pageRange } from "@/lib/lists/keyset";
import { queryString } from "@/lib/url";

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
  filters: Record<string, string | undefined>;
  params: { after?: string; before?: string; from?: number };
  page: Pick<Page<unknown>, "rows" | "nextCursor" | "previousCursor">;
  total?: number;
}) {
  if (page.rows.length === 0) return null;
  const t = await getTranslations("common");
  const range = pageRange(params, page);
  const link = "text-brand-700 rounded-md px-2 py-1 underline";
  const showing =
    total === undefined
      ? t("showing", { first: range.first, last: range.last })
      : t("showingOf", { first: range.first, last: range.last, total });
  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-700">{showing}</p>
      {page.nextCursor || page.previousCursor ? (
        <nav aria-label={t("pagination")} className="flex gap-2">
          {page.previousCursor ? (
            <Link
              href={`${path}${queryString({
                ...filters,
                before: page.previousCursor,
                from: String(range.previous),
              })}`}
              rel="prev"
              className={link}
            >
              {t("previous")}
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link
              href={`${path}${queryString({
                ...filters,
                after: page.nextCursor,
                from: String(range.next),
              })}`}
              rel="next"
              className={link}
            >
              {t("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Page } from "@/lib/lists/keyset";
import { queryString } from "@/lib/url";

/**
 * Previous and Next for a keyset-paged list: each keeps the list's filters and
 * moves one page from where the reader is. Plain links, so they work without JavaScript.
 */
export async function Pager({
  path,
  filters,
  page,
}: {
  path: string;
  filters: Record<string, string | undefined>;
  page: Pick<Page<unknown>, "nextCursor" | "previousCursor">;
}) {
  if (!page.nextCursor && !page.previousCursor) return null;
  const t = await getTranslations("common");
  const link = "text-brand-700 underline";
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex gap-4 text-sm">
      {page.previousCursor ? (
        <Link
          href={`${path}${queryString({ ...filters, before: page.previousCursor })}`}
          rel="prev"
          className={link}
        >
          {t("previous")}
        </Link>
      ) : null}
      {page.nextCursor ? (
        <Link
          href={`${path}${queryString({ ...filters, after: page.nextCursor })}`}
          rel="next"
          className={link}
        >
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}

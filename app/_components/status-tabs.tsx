import Link from "next/link";
import { getFormatter } from "next-intl/server";
import { queryString } from "@/lib/url";

/**
 * Views of one page as links, the current one marked for screen readers
 * (aria-current) and by its look. Links, so they work without JavaScript and
 * each view has its own address.
 */
export function TabLinks({
  label,
  tabs,
}: {
  label: string;
  tabs: { label: string; href: string; current: boolean; badge?: string }[];
}) {
  return (
    <nav aria-label={label} className="mb-4">
      <ul className="flex flex-wrap gap-x-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link href={tab.href} aria-current={tab.current ? "page" : undefined} className="tab">
              {tab.label}
              {tab.badge ? <span className="count">{tab.badge}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A list's statuses as tabs with their counts ("Pending 12"), keeping the list's other filters. */
export async function StatusTabs<S extends string>({
  label,
  all,
  statuses,
  counts,
  name,
  list,
}: {
  label: string;
  /** The tab that filters nothing. */
  all: string;
  statuses: readonly S[];
  counts: Record<S | "all", number>;
  name: (status: S) => string;
  /** The list's address, its filters (the tabs keep them) and its current status. */
  list: { path: string; filters: Record<string, string | undefined>; status: S | undefined };
}) {
  const format = await getFormatter();
  return (
    <TabLinks
      label={label}
      tabs={[undefined, ...statuses].map((status) => ({
        label: status ? name(status) : all,
        badge: format.number(counts[status ?? "all"]),
        href: `${list.path}${queryString({ ...list.filters, status })}`,
        current: list.status === status,
      }))}
    />
  );
}

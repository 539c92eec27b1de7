import Link from "next/link";
import { getFormatter } from "next-intl/server";

/**
 * A list's statuses as links with their counts ("Pending 12"): the current one
 * is marked for screen readers (aria-current) and by its look. Links, so they
 * work without JavaScript and each view has its own address.
 */
export async function StatusTabs({
  label,
  tabs,
}: {
  label: string;
  tabs: { label: string; count: number; href: string; current: boolean }[];
}) {
  const format = await getFormatter();
  return (
    <nav aria-label={label} className="mb-4">
      <ul className="flex flex-wrap gap-x-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className="aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700 -mb-px inline-flex items-center gap-2 border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-700 hover:text-slate-900"
            >
              {tab.label}
              <span className="rounded-full bg-slate-100 px-2 text-xs text-slate-700 tabular-nums">
                {format.number(tab.count)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

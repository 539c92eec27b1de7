import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { queryString } from "@/lib/url";

export function PageHeader({
  title,
  actions,
  back,
}: {
  title: string;
  actions?: ReactNode;
  back?: { href: string; label: string };
}) {
  return (
    <div className="mb-6 flex flex-col gap-3">
      {back ? (
        <Link href={back.href} className="text-brand-700 text-sm underline">
          {back.label}
        </Link>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}

export function ButtonLink({
  variant = "primary",
  className,
  ...props
}: ComponentProps<typeof Link> & { variant?: "primary" | "secondary" }) {
  const styles =
    variant === "primary"
      ? "bg-brand-600 text-white hover:bg-brand-700"
      : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50";
  return (
    <Link
      className={`inline-flex items-center rounded-md px-4 py-2 text-sm font-semibold shadow-sm ${styles} ${className ?? ""}`}
      {...props}
    />
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
      {children}
    </p>
  );
}

/**
 * Every status a page shows, to its badge's tone, in one place (pages pass
 * their own status as it is): waiting amber, done or in use green, over or off
 * slate, refused or failed red, not begun yet sky.
 */
const STATUS_STYLES: Record<string, string> = {
  pending: "badge-amber", // invitations, webhook deliveries
  invited: "badge-amber", // users who have not chosen a password yet
  accepted: "badge-green", // invitations
  active: "badge-green", // accounts, users, contracts, API keys, webhook endpoints
  succeeded: "badge-green", // webhook deliveries
  expired: "badge-slate", // invitations, API keys
  deactivated: "badge-slate", // accounts, users, webhook endpoints
  ended: "badge-slate", // contracts
  revoked: "badge-slate", // API keys
  canceled: "badge-red", // invitations
  failed: "badge-red", // webhook deliveries
  upcoming: "badge-sky", // contracts
};

export function StatusBadge({ status, children }: { status: string; children: ReactNode }) {
  return <span className={`badge ${STATUS_STYLES[status] ?? ""}`}>{children}</span>;
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <p
      role="status"
      className="mb-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900"
    >
      {children}
    </p>
  );
}

export type Column = {
  label: string;
  /** The column the list is ordered by, and which way. */
  sort?: "ascending" | "descending";
  /** A link that orders the list by this column (the other way when it already is). */
  sortHref?: string;
};

/** A list whose headers order it: its address, its other filters, its order and its default. */
type OrderedList = {
  path: string;
  filters: Record<string, string | undefined>;
  sort: string;
  defaultSort: string;
};

/**
 * A column whose header turns the list's order round: `orders` names the URL's
 * `sort` for each direction. While the list is in one of them the header says
 * so (aria-sort) and links to the other; otherwise it links to `first`. The
 * list's default order stands in the URL as no `sort` at all.
 */
export function orderColumn(
  label: string,
  list: OrderedList,
  orders: { ascending: string; descending: string },
  first: "ascending" | "descending",
): Column {
  const current =
    list.sort === orders.ascending
      ? "ascending"
      : list.sort === orders.descending
        ? "descending"
        : undefined;
  const next =
    current === "ascending" ? "descending" : current === "descending" ? "ascending" : first;
  return { label, sort: current, sortHref: orderHref(list, orders[next]) };
}

/** The list's address in the order `sort`, its other filters kept; the default order has none. */
function orderHref(list: Omit<OrderedList, "sort">, sort: string) {
  return `${list.path}${queryString({ ...list.filters, sort: sort === list.defaultSort ? undefined : sort })}`;
}

/** The date column of a list ordered newest first unless `sort` is "oldest". */
export function dateOrderColumn(label: string, list: Omit<OrderedList, "defaultSort">): Column {
  return orderColumn(
    label,
    { ...list, defaultSort: "newest" },
    { ascending: "oldest", descending: "newest" },
    "descending",
  );
}

/**
 * A column the list can be ordered by (one order per column, no toggling): its
 * header links to the list in that order, keeping the other filters, and says
 * so (aria-sort) while the list is in it. `key` is the column's value of the
 * URL's `sort`; the list's default order has none in the URL.
 */
export function sortColumn(
  label: string,
  list: OrderedList,
  key: string,
  direction: "ascending" | "descending",
): Column {
  return {
    label,
    sort: list.sort === key ? direction : undefined,
    sortHref: orderHref(list, key),
  };
}

/**
 * A bordered table with a caption for screen readers. Wider than the screen it
 * scrolls inside a focusable region (keyboard users can scroll it too); on a
 * phone each row is a card (`.data-table` in globals.css) whose cells name their
 * column, so give every `Cell` its column's label.
 */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: Column[];
  children: ReactNode;
}) {
  return (
    // A group, not a region: a page section of the same name is the landmark.
    <div
      role="group"
      aria-label={caption}
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
    >
      <table className="data-table w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className="p-3" aria-sort={c.sort}>
                {c.sortHref ? (
                  <Link href={c.sortHref} className="inline-flex items-center gap-1 underline">
                    {c.label}
                    <span aria-hidden="true">
                      {c.sort === "ascending" ? "↑" : c.sort === "descending" ? "↓" : "↕"}
                    </span>
                  </Link>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A row of a DataTable; with a `RowLink` inside, the whole row opens it. */
export function Row({ children }: { children: ReactNode }) {
  return <tr className="row">{children}</tr>;
}

/** A cell that, on a phone, names its column before the value. */
export function Cell({
  label,
  className,
  children,
}: {
  label?: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <td data-label={label} className={className}>
      {children}
    </td>
  );
}

/**
 * The link that opens a row's details: its hit area stretches over the whole row.
 * Controls elsewhere in the row sit above it (`RowActions`).
 */
export function RowLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link data-row-link="" className={`row-link ${className ?? ""}`} {...props} />;
}

/** Controls inside a linked row, kept clickable above the row's link. */
export function RowActions({ children }: { children: ReactNode }) {
  return <div className="row-actions">{children}</div>;
}

import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";

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

const STATUS_STYLES: Record<string, string> = {
  pending: "bg-amber-50 text-amber-900 ring-amber-300",
  accepted: "bg-green-50 text-green-900 ring-green-300",
  expired: "bg-slate-100 text-slate-700 ring-slate-300",
  canceled: "bg-red-50 text-red-900 ring-red-300",
  active: "bg-green-50 text-green-900 ring-green-300",
  deactivated: "bg-slate-100 text-slate-700 ring-slate-300",
};

export function StatusBadge({ status, children }: { status: string; children: ReactNode }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLES[status] ?? ""}`}
    >
      {children}
    </span>
  );
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

/** A bordered, horizontally scrollable table with a caption for screen readers. */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: { label: string; sort?: "ascending" | "descending" }[];
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className="p-3" aria-sort={c.sort}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="[&_td]:p-3 [&>tr]:border-t [&>tr]:border-slate-200">{children}</tbody>
      </table>
    </div>
  );
}

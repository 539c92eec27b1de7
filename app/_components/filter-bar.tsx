import Link from "next/link";
import type { ReactNode } from "react";

/** A plain GET form for a list's filters: they live in the URL, survive reloads and can be shared. */
export function FilterBar({
  label,
  resetHref,
  applyLabel,
  resetLabel,
  children,
}: {
  label: string;
  resetHref: string;
  applyLabel: string;
  resetLabel: string;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      role="search"
      aria-label={label}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      {children}
      <button
        type="submit"
        className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 text-sm font-semibold text-white"
      >
        {applyLabel}
      </button>
      <Link href={resetHref} className="text-brand-700 px-2 py-2 text-sm underline">
        {resetLabel}
      </Link>
    </form>
  );
}

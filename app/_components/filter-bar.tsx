import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AutoApplyForm } from "./auto-apply-form";
import { SyncedInput, SyncedSelect } from "./synced-field";

/**
 * A GET form for a list's filters: they live in the URL, survive reloads and can
 * be shared. They apply as they change; Apply is there for use without JavaScript.
 * `keep` carries values chosen elsewhere on the page (the status tab, the order).
 */
export async function FilterBar({
  label,
  resetHref,
  keep = {},
  children,
}: {
  label: string;
  resetHref: string;
  keep?: Record<string, string | undefined>;
  children: ReactNode;
}) {
  const t = await getTranslations("common");
  return (
    <AutoApplyForm
      method="get"
      role="search"
      aria-label={label}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      {Object.entries(keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      {children}
      <button
        type="submit"
        className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 text-sm font-semibold text-white"
      >
        {t("apply")}
      </button>
      <Link href={resetHref} className="text-brand-700 px-2 py-2 text-sm underline">
        {t("reset")}
      </Link>
    </AutoApplyForm>
  );
}

/**
 * One filter of a FilterBar: a labelled select whose value stands in the URL.
 * `all` labels the choice that filters nothing (no value in the URL).
 */
export function FilterSelect({
  id,
  name,
  label,
  value,
  all,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  all?: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <SyncedSelect
        id={id}
        name={name}
        value={value ?? ""}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
      >
        {all === undefined ? null : <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SyncedSelect>
    </div>
  );
}

/** The free-text search of a FilterBar. */
export function FilterSearch({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="flex min-w-56 flex-1 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <SyncedInput
        id={id}
        name="q"
        type="search"
        value={value}
        className="rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
    </div>
  );
}

/** A list's order by its date column, newest or oldest first; `newest` is the default. */
export function FilterOrder({
  id,
  label,
  value,
  newest,
  oldest,
}: {
  id: string;
  label: string;
  value: "newest" | "oldest";
  newest: string;
  oldest: string;
}) {
  return (
    <FilterSelect
      id={id}
      name="sort"
      label={label}
      value={value}
      options={[
        { value: "newest", label: newest },
        { value: "oldest", label: oldest },
      ]}
    />
  );
}

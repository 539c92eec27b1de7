import type { ReactNode } from "react";

const SECTION_STYLES = {
  card: "rounded-lg border border-slate-200 bg-white p-4 sm:p-6",
  /** Below a list: the form that adds to it, as wide as a form reads well. */
  form: "max-w-3xl rounded-lg border border-slate-200 bg-white p-6",
};

/** A titled card; its heading names the region for screen readers. */
export function Section({
  id,
  title,
  variant = "card",
  children,
}: {
  id: string;
  title: string;
  variant?: keyof typeof SECTION_STYLES;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={SECTION_STYLES[variant]}>
      <h2 id={id} className="mb-4 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

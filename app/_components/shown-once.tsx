"use client";

import { useState } from "react";

/**
 * A secret shown this once (an API key, a signing secret), with a copy button:
 * whoever leaves the page without copying it makes another.
 */
export function ShownOnce({
  value,
  text,
}: {
  value: string;
  text: { title: string; hint: string; label: string; copy: string; copied: string };
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-2 rounded-md border border-emerald-300 bg-emerald-50 p-4">
      <p className="text-sm font-semibold text-emerald-900">{text.title}</p>
      <p className="text-sm text-emerald-900">{text.hint}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          aria-label={text.label}
          className="rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm [overflow-wrap:anywhere]"
        >
          {value}
        </code>
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard.writeText(value).then(() => setCopied(true));
          }}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
        >
          {text.copy}
        </button>
        <span role="status" className="text-sm text-emerald-900">
          {copied ? text.copied : ""}
        </span>
      </div>
    </div>
  );
}

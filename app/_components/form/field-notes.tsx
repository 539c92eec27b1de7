"use client";

import type { ReactNode } from "react";
import type { FieldError } from "@/lib/actions/form-state";

export const labelClass = "text-sm font-medium text-slate-800";

/** A field's hint and error messages, and the ids that describe its control. */
export function FieldNotes({
  id,
  hint,
  errors,
}: {
  id: string;
  hint?: ReactNode;
  errors: FieldError[];
}) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <ul id={`${id}-error`} className="text-sm text-red-700">
          {errors.map((p) => (
            <li key={p.code}>{p.text ?? p.code}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function describedBy(id: string, hint: unknown, errors: FieldError[]): string | undefined {
  return (
    [hint ? `${id}-hint` : "", errors.length ? `${id}-error` : ""].filter(Boolean).join(" ") ||
    undefined
  );
}

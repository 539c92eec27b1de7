"use client";

import type { FormState } from "@/lib/actions/form-state";

/** The form-level message: an alert for errors, a status for success. */
export function FormMessage({ state }: { state: FormState | undefined }) {
  if (!state?.message) return null;
  return state.ok ? (
    <p
      role="status"
      className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900"
    >
      {state.text ?? state.message}
    </p>
  ) : (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {state.text ?? state.message}
    </p>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import { ActionForm, type ActionFormHandle, SubmitButton } from "./form/runtime";

/**
 * A destructive action behind a confirmation: the first button asks, the
 * second submits. Focus moves to the safe choice, so Enter never confirms by accident.
 */
export function ConfirmForm({
  form,
  fields,
  trigger,
  triggerLabel,
  question,
  confirm,
  keep,
  size = "normal",
}: {
  /** Its answer is shown by the caller: this form closes once submitted. */
  form: ActionFormHandle;
  fields: Record<string, string>;
  trigger: string;
  /** A fuller name for the trigger where its text alone is ambiguous (one per row). */
  triggerLabel?: string;
  question: string;
  confirm: string;
  keep: string;
  size?: "normal" | "small";
}) {
  const padding = size === "small" ? "px-3 py-1.5" : "px-4 py-2";
  const [confirming, setConfirming] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <div>
        <button
          type="button"
          aria-label={triggerLabel}
          onClick={() => setConfirming(true)}
          className={
            size === "small"
              ? "btn-small-danger"
              : "rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-semibold text-red-800 hover:bg-red-50"
          }
        >
          {trigger}
        </button>
      </div>
    );
  }
  return (
    <ActionForm
      form={form}
      feedback={false}
      onSubmit={() => setConfirming(false)}
      role="group"
      aria-label={triggerLabel ?? trigger}
      className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p className="text-sm text-red-900">{question}</p>
      <div className="flex flex-wrap gap-2">
        <SubmitButton
          className={`rounded-md bg-red-700 ${padding} text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60`}
        >
          {confirm}
        </SubmitButton>
        <button
          ref={keepButton}
          type="button"
          onClick={() => setConfirming(false)}
          className={`rounded-md border border-slate-300 bg-white ${padding} text-sm`}
        >
          {keep}
        </button>
      </div>
    </ActionForm>
  );
}

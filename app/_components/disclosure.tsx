"use client";

import { type ReactNode, useEffect, useId, useRef, useState } from "react";

/**
 * A button that shows and hides a panel; Escape and a click outside close it.
 * The panel's content is made only while it is open, so a page that repeats it
 * (a menu on every row) carries one button each instead of what it holds.
 */
export function Disclosure({
  label,
  buttonLabel,
  buttonContent,
  buttonClassName = "flex items-center gap-2 rounded-md px-3 py-2 text-sm hover:bg-slate-100",
  panelClassName = "absolute right-0 z-20 mt-1 w-64 rounded-lg border border-slate-200 bg-white p-3 shadow-lg",
  children,
}: {
  /** The button's tooltip. */
  label?: string;
  /** The button's name where its content alone is ambiguous (one per row). */
  buttonLabel?: string;
  buttonContent: ReactNode;
  buttonClassName?: string;
  /** Floating by default; a row's menu opens in place, as a table may clip what floats. */
  panelClassName?: string;
  children: () => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    // The path as it was when the click happened: a click that swaps what the
    // panel shows (a confirmation replacing its button) has detached its target.
    const onClick = (e: MouseEvent) => {
      if (root.current && !e.composedPath().includes(root.current)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, [open]);
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={buttonLabel}
        title={label}
        onClick={() => setOpen((o) => !o)}
        className={buttonClassName}
      >
        {buttonContent}
        <span aria-hidden="true">▾</span>
      </button>
      {/* Choosing something in the panel (a form or a link inside it) closes it. */}
      <div
        id={id}
        hidden={!open}
        onSubmit={() => setOpen(false)}
        onClick={(e) => {
          if ((e.target as Element).closest("a")) setOpen(false);
        }}
        className={panelClassName}
      >
        {open ? children() : null}
      </div>
    </div>
  );
}

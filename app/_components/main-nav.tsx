"use client";

import { type ReactNode, useId, useState } from "react";
import { useHydrated } from "./hydrated";

/**
 * The app's navigation: a sidebar on wide screens, a "Menu" button that opens
 * the list on a phone. Until scripts run (or without them) the list simply
 * shows, wrapped, so it is never out of reach.
 */
export function MainNav({
  label,
  menuLabel,
  children,
}: {
  label: string;
  menuLabel: string;
  children: ReactNode;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const scripted = useHydrated();
  const collapsed = scripted && !open;
  return (
    <nav
      aria-label={label}
      className="border-b border-slate-200 bg-white p-2 md:min-h-[calc(100vh-3rem)] md:w-56 md:shrink-0 md:border-r md:border-b-0"
    >
      {scripted ? (
        <button
          type="button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
          className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 sm:hidden"
        >
          <span aria-hidden="true">☰</span>
          {menuLabel}
        </button>
      ) : null}
      <ul
        id={id}
        // Following a link closes the menu on a phone.
        onClick={(e) => {
          if ((e.target as Element).closest("a")) setOpen(false);
        }}
        className={`flex flex-wrap gap-1 max-sm:flex-col md:flex-col ${collapsed ? "max-sm:hidden" : ""}`}
      >
        {children}
      </ul>
    </nav>
  );
}

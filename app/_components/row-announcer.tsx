"use client";

import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { FormMessage } from "./form/form-message";

const Announce = createContext<(state: FormState) => void>(() => {});

/**
 * Where a list's row actions say how they went: above the list, not in the row,
 * because the row may leave the page once the list is refreshed (a canceled
 * invitation leaves the Pending tab; a resent one moves to the top).
 */
export function RowAnnouncer({ children }: { children: ReactNode }) {
  const [state, setState] = useState<FormState>();
  const message = useRef<HTMLDivElement>(null);
  // The button that answered may be gone with its row: focus moves to the answer.
  useEffect(() => {
    if (state) message.current?.focus();
  }, [state]);
  return (
    <Announce value={setState}>
      <div ref={message} tabIndex={-1} className="mb-4 empty:hidden focus:outline-none">
        {state ? <FormMessage state={state} /> : null}
      </div>
      {children}
    </Announce>
  );
}

/** A row action's server action whose every answer is also announced above the list. */
export function useAnnounced(
  serverAction: (previous: FormState | undefined, formData: FormData) => Promise<FormState>,
) {
  const announce = useContext(Announce);
  return async (previous: FormState | undefined, formData: FormData) => {
    const state = await serverAction(previous, formData);
    announce(state);
    return state;
  };
}

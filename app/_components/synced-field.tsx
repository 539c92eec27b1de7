"use client";

import { type ComponentProps, useEffect, useRef } from "react";

/**
 * A filter's select and search box that follow the address: the list's order
 * can also change from a column's header, and Reset clears the filters, by a
 * navigation that keeps these fields on the page. Left to their first value
 * they would show, and the next automatic apply would send, what the URL no
 * longer says.
 */
export function SyncedSelect({ value, ...props }: ComponentProps<"select"> & { value: string }) {
  const field = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (field.current && field.current.value !== value) field.current.value = value;
  }, [value]);
  return <select ref={field} defaultValue={value} {...props} />;
}

/** The same for a search box, left alone while someone types in it. */
export function SyncedInput({ value, ...props }: ComponentProps<"input"> & { value: string }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const input = field.current;
    if (input && input !== document.activeElement && input.value !== value) input.value = value;
  }, [value]);
  return <input ref={field} defaultValue={value} {...props} />;
}

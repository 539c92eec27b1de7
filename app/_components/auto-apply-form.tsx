"use client";

import { usePathname, useRouter } from "next/navigation";
import { type ComponentProps, useEffect, useRef, useTransition } from "react";

/** How long typing in a search box pauses before the list follows it. */
const TYPING_PAUSE_MS = 400;

/**
 * A list's GET filter form that applies itself: a choice at once, a search once
 * typing pauses. It replaces the address (the filters stay shareable), starts
 * again from the first page and leaves focus where it is. Without JavaScript the
 * form's own Apply button submits it as before.
 */
export function AutoApplyForm({ children, ...props }: ComponentProps<"form">) {
  const router = useRouter();
  const pathname = usePathname();
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [pending, startTransition] = useTransition();
  useEffect(() => () => clearTimeout(timer.current), []);

  const apply = () => {
    clearTimeout(timer.current);
    if (!form.current) return;
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form.current))
      if (typeof value === "string" && value.trim()) query.set(name, value.trim());
    const url = query.size ? `${pathname}?${query.toString()}` : pathname;
    startTransition(() => router.replace(url, { scroll: false }));
  };

  return (
    <form
      ref={form}
      aria-busy={pending || undefined}
      onChange={(e) => {
        if (e.target instanceof HTMLSelectElement) apply();
      }}
      onInput={(e) => {
        if (e.target instanceof HTMLInputElement && e.target.type === "search") {
          clearTimeout(timer.current);
          timer.current = setTimeout(apply, TYPING_PAUSE_MS);
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
      {...props}
    >
      {children}
    </form>
  );
}

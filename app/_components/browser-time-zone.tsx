"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * The browser's time zone, sent with a form that signs someone in: a user
 * without a zone of their own takes it at their first sign-in.
 */
export function BrowserTimeZone() {
  const zone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => "",
  );
  return <input type="hidden" name="timeZone" value={zone} />;
}

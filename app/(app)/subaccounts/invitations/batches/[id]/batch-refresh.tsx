"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Reads the page again every two seconds while it is shown: a running batch's progress, without a reload. */
export function BatchRefresh() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}

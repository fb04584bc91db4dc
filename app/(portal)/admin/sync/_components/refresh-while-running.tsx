"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While a sync is queued or running, re-renders the page from the server every few seconds so its
 * progress, counts and notes move without a reload (a refresh keeps what the user typed in forms).
 */
export function RefreshWhileRunning({ active, everyMs = 2000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return null;
}

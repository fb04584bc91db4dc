"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False in the server's HTML and until React has hydrated the page, then true. A button that only
 * runs code in the browser is disabled until then: a click before would do nothing (a slow phone,
 * a test that clicks at once), and a disabled button says it is not ready.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

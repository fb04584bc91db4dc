"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A disclosure that starts open (and stays open without JavaScript or on a wide screen) and
 * closes itself on a phone-width screen, where its content would fill the whole first screen.
 * It stays open there too while `active` (a filter in use must stay in sight).
 */
export function CollapseOnPhone({
  summary,
  active = false,
  children,
  className = "",
}: {
  summary: ReactNode;
  active?: boolean;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (!active && ref.current && window.matchMedia("(max-width: 767px)").matches) ref.current.open = false;
  }, [active]);
  return (
    <details ref={ref} open className={`group ${className}`.trim()}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700 md:hidden">{summary}</summary>
      <div className="mt-4 space-y-4 md:mt-0">{children}</div>
    </details>
  );
}

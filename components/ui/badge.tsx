import type { ReactNode } from "react";

const TONES = {
  green: "bg-green-50 text-green-900 ring-green-200",
  amber: "bg-amber-100 text-amber-900 ring-amber-300",
  red: "bg-red-100 text-red-900 ring-red-200",
  slate: "bg-slate-100 text-slate-800 ring-slate-300",
  sky: "bg-sky-100 text-sky-900 ring-sky-200",
  brand: "bg-brand-50 text-brand-800 ring-brand-100",
} as const;

export type BadgeTone = keyof typeof TONES;

/** A short state in a coloured pill; the words carry the meaning, the colour only repeats it. */
export function Badge({
  tone = "slate",
  className = "",
  children,
}: {
  tone?: BadgeTone;
  className?: string;
  children: ReactNode;
}) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${TONES[tone]} ${className}`}>
      {children}
    </span>
  );
}

/** A held claim with no update for longer than its TAG allows. */
export function StaleBadge({ children = "Stale" }: { children?: ReactNode }) {
  return (
    <Badge tone="amber" className="ml-2">
      {children}
    </Badge>
  );
}

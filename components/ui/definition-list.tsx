import type { ReactNode } from "react";
import { Section } from "./section";

const LAYOUT = {
  /** One under the other. */
  stack: "space-y-2",
  /** Two columns from small screens up. */
  grid: "grid gap-x-6 gap-y-2 sm:grid-cols-2",
  /** Small figures two by two, even on a phone. */
  figures: "grid grid-cols-2 gap-x-4 gap-y-1",
} as const;

/** `figures` puts the weight on the value; the other layouts on the term. */
const WEIGHT = {
  terms: "[&_dd]:text-slate-700 [&_dt]:font-medium [&_dt]:text-slate-900",
  figures: "[&_dd]:font-medium [&_dd]:text-slate-900 [&_dt]:text-slate-600",
} as const;

/**
 * Terms and their values (a `<dl>` of `DefinitionItem`s): an item's details, a profile's facts, a
 * dashboard card's figures.
 */
export function DefinitionList({
  layout = "stack",
  className = "",
  children,
}: {
  layout?: keyof typeof LAYOUT;
  className?: string;
  children: ReactNode;
}) {
  const weight = layout === "figures" ? WEIGHT.figures : WEIGHT.terms;
  return <dl className={`${LAYOUT[layout]} ${weight} text-sm ${className}`.trim()}>{children}</dl>;
}

/** One term and its value. */
export function DefinitionItem({ term, children }: { term: ReactNode; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A titled box of terms and values under its heading: an item's details, a person's or a project's facts. */
export function DefinitionSection({
  id,
  title,
  size,
  children,
}: {
  id: string;
  title: string;
  size: "lg" | "base";
  children: ReactNode;
}) {
  return (
    <Section id={id} title={title} size={size}>
      <DefinitionList className="mt-3">{children}</DefinitionList>
    </Section>
  );
}

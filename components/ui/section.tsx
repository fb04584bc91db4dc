import type { ReactNode } from "react";

/** The white box most content sits in. */
export const CARD = "rounded-xl bg-white ring-1 ring-slate-200";

const PADDING = { sm: "p-4", md: "p-5", lg: "p-6", xl: "p-8" } as const;

/** A white box: a card on a list, a panel beside a form. */
export function Card({
  as: Tag = "div",
  padding = "lg",
  className = "",
  children,
  ...rest
}: {
  as?: "div" | "article" | "li" | "aside" | "p";
  padding?: keyof typeof PADDING;
  className?: string;
  children: ReactNode;
  "aria-labelledby"?: string;
  "aria-label"?: string;
}) {
  return (
    <Tag className={`${CARD} ${PADDING[padding]} ${className}`.trim()} {...rest}>
      {children}
    </Tag>
  );
}

/** What a card or section says when it has nothing to list. */
export function EmptyState({ children, center = false }: { children: ReactNode; center?: boolean }) {
  return (
    <div className={`${CARD} ${center ? "p-8 text-center" : "p-6"} text-slate-700`}>
      {typeof children === "string" ? <p>{children}</p> : children}
    </div>
  );
}

/** The box's outline: brand for what the viewer should act on, red for what cannot be undone. */
const RING = { slate: "ring-slate-200", brand: "ring-brand-200", red: "ring-red-200" } as const;

const HEADING = {
  xl: "text-xl font-semibold text-slate-900",
  lg: "text-lg font-semibold text-slate-900",
  base: "font-semibold text-slate-900",
} as const;

/** A heading in one of the three sizes the portal uses (sections, asides, small panels). */
export function Heading({
  id,
  level = 2,
  size = level === 2 ? "xl" : "lg",
  className = "",
  children,
}: {
  id?: string;
  level?: 2 | 3;
  size?: keyof typeof HEADING;
  className?: string;
  children: ReactNode;
}) {
  const Tag = level === 2 ? "h2" : "h3";
  return (
    <Tag id={id} className={`${HEADING[size]} ${className}`.trim()}>
      {children}
    </Tag>
  );
}

/**
 * A titled section, named by its heading for assistive technology. `plain` drops the white box
 * (the section's parts are boxes of their own); `count` follows the title in brackets, and
 * `empty` replaces the children when the count is 0 (or, without a count, whenever it is set);
 * `actions` sit on the heading's line (a CSV link, a button).
 */
export function Section({
  id,
  title,
  level = 2,
  size,
  plain = false,
  tone = "slate",
  description,
  count,
  empty,
  actions,
  hideTitle = false,
  anchor,
  className = "",
  children,
}: {
  id: string;
  title: ReactNode;
  /** The section's own id, where links elsewhere point at it (`/manage/<slug>#reports`). */
  anchor?: string;
  /** The heading is for assistive technology only (a grid of charts names itself). */
  hideTitle?: boolean;
  level?: 2 | 3;
  size?: keyof typeof HEADING;
  plain?: boolean;
  tone?: keyof typeof RING;
  description?: ReactNode;
  count?: number;
  empty?: ReactNode;
  actions?: ReactNode;
  className?: string;
  children?: ReactNode;
}) {
  // A plain section's parts are boxes of their own: space them unless told otherwise.
  const box = plain ? (className ? "" : "space-y-3") : `rounded-xl bg-white p-6 ring-1 ${RING[tone]}`;
  const heading = (
    <Heading id={id} level={level} size={size} className={hideTitle ? "sr-only" : ""}>
      {title}
      {count !== undefined && ` (${count})`}
    </Heading>
  );
  const showEmpty = empty && (count === undefined || count === 0);
  return (
    <section id={anchor} aria-labelledby={id} className={`${box} ${className}`.trim()}>
      {actions ? (
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      {showEmpty ? <p className="mt-2 text-slate-600">{empty}</p> : children}
    </section>
  );
}

/**
 * A plain section listing short entries one a line (linked items, terms ending, a timeline), or
 * saying `empty` when there are none: one `li` an entry, drawn by the children function, keyed by
 * `keyOf` (the entry's id unless told); `ordered` for entries in a sequence.
 */
export function ListSection<T extends object>({
  id,
  title,
  items,
  empty,
  ordered = false,
  listClassName,
  actions,
  keyOf = (item) => (item as { id: string }).id,
  children,
}: {
  id: string;
  title: ReactNode;
  items: readonly T[];
  empty: ReactNode;
  ordered?: boolean;
  listClassName: string;
  actions?: ReactNode;
  keyOf?: (item: T) => string;
  children: (item: T) => ReactNode;
}) {
  const List = ordered ? "ol" : "ul";
  return (
    <Section id={id} title={title} plain className="space-y-2" empty={items.length === 0 && empty} actions={actions}>
      <List className={listClassName}>
        {items.map((item) => (
          <li key={keyOf(item)}>{children(item)}</li>
        ))}
      </List>
    </Section>
  );
}

/** A bordered entry in a list inside a card: a request, a draft, a held claim. */
export function Tile({
  as: Tag = "li",
  className = "space-y-2",
  children,
}: {
  as?: "li" | "div";
  className?: string;
  children: ReactNode;
}) {
  return <Tag className={`rounded-md p-3 ring-1 ring-slate-200 ${className}`}>{children}</Tag>;
}

/**
 * Entries as tiles under a section's heading (drafts, reports, records to verify): one `Tile` an
 * entry, drawn by the children function, keyed by `keyOf` (the entry's id unless told).
 */
export function TileList<T extends object>({
  items,
  keyOf = (item) => (item as { id: string }).id,
  children,
}: {
  items: readonly T[];
  keyOf?: (item: T) => string;
  children: (item: T) => ReactNode;
}) {
  return (
    <ul className="mt-3 space-y-4">
      {items.map((item) => (
        <Tile key={keyOf(item)}>{children(item)}</Tile>
      ))}
    </ul>
  );
}

/** One entry of a running log (an item's updates, recent progress): who and when, then what. */
export function LogEntry({ meta, children }: { meta: ReactNode; children: ReactNode }) {
  return (
    <li className="border-l-4 border-slate-200 pl-3">
      <p className="text-sm text-slate-600">{meta}</p>
      {children}
    </li>
  );
}

interface SubsectionProps {
  title: ReactNode;
  id?: string;
  /** Said instead of the children when set (a list with nothing in it). */
  empty?: ReactNode;
  children: ReactNode;
}

/** A titled part inside a section (an officer panel's "Phase", a lead's "Requests"). */
export function Subsection({ title, id, empty, children }: SubsectionProps) {
  return (
    <div className="space-y-2">
      <Heading id={id} level={3} size="base">
        {title}
      </Heading>
      {empty ? <p className="text-sm text-slate-600">{empty}</p> : children}
    </div>
  );
}

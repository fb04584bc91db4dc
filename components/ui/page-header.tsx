import type { ReactNode } from "react";
import { EmptyState } from "./section";

/**
 * A page's title: an optional line above it (a breadcrumb, a TAG's slug), the heading, then what
 * follows it (a description, badges). `actions` sit to the right (a "Post an item" button).
 */
export function PageHeader({
  title,
  eyebrow,
  actions,
  compact = false,
  children,
}: {
  title: ReactNode;
  eyebrow?: ReactNode;
  actions?: ReactNode;
  /** The smaller title of list and tool pages. */
  compact?: boolean;
  children?: ReactNode;
}) {
  const header = (
    <header className="space-y-2">
      {eyebrow && <div className="text-sm text-slate-600">{eyebrow}</div>}
      <h1 className={compact ? "text-2xl font-semibold text-slate-900" : "text-3xl font-bold text-brand-800"}>
        {title}
      </h1>
      {children}
    </header>
  );
  if (!actions) return header;
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      {header}
      {actions}
    </div>
  );
}

/** The short description under a page's title. */
export function Lead({ children }: { children: ReactNode }) {
  return <p className="max-w-3xl text-slate-700">{children}</p>;
}

/** A page the viewer may open but not read yet: its title and why (a roll not yet published, an officer-only view). */
export function RefusedPage({ title, reason }: { title: string; reason: string }) {
  return (
    <div className="space-y-6">
      <PageHeader title={title} compact />
      <EmptyState>{reason}</EmptyState>
    </div>
  );
}

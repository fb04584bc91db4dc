import type { ReactNode } from "react";

/** A link a person typed (progress, evidence, a check-in, a report): search engines do not follow it. */
export function UserLink({ href, children }: { href: string; children?: ReactNode }) {
  return (
    <a href={href} rel="nofollow ugc noopener" className="break-all text-brand-700 underline">
      {children ?? href}
    </a>
  );
}

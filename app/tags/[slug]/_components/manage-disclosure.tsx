import type { ReactNode } from "react";
import { CARD, Heading } from "@/components/ui/section";

/**
 * A lead's form on the public TAG page, closed until a lead asks for it (issue 18, point 2): the
 * page stays a page to read, for leads too. The heading sits in the summary, so the form keeps
 * its name (`aria-labelledby={id}`) and the closed disclosure still says what it holds.
 */
export function ManageDisclosure({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <details className={`${CARD} p-6`}>
      <summary className="cursor-pointer">
        <span className="mr-2 text-sm font-medium text-brand-700">Manage:</span>
        <Heading id={id} level={3} className="inline">
          {title}
        </Heading>
      </summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

import Link from "next/link";
import { Section } from "@/components/ui/section";
import type { Actor } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { listElections } from "@/lib/elections/queries";
import { PHASE_LABEL, seatsText } from "./labels";

/** The TAG page's Elections section: its elections, the calendar feed, and set-up for its officers. */
export async function TagElections({ tag, viewer }: { tag: { id: string; slug: string }; viewer: Actor | null }) {
  const { items } = await listElections({ tagSlug: tag.slug }, viewer);
  return (
    <Section
      id="elections"
      title="Elections"
      plain
      actions={
        <span className="flex gap-4 text-sm">
          <a href={`/tags/${tag.slug}/elections.ics`} className="text-brand-700 underline">
            Election calendar (iCal)
          </a>
          {can(viewer, "election.run", tag.id) && (
            <Link href={`/elections/new?tag=${tag.slug}`} className="text-brand-700 underline">
              Set up an election
            </Link>
          )}
        </span>
      }
    >
      {items.length === 0 ? (
        <p className="text-slate-600">No elections yet.</p>
      ) : (
        <ul className="space-y-1">
          {items.slice(0, 5).map((e) => (
            <li key={e.id}>
              <Link href={`/elections/${e.id}`} className="text-brand-700 underline">
                {e.title}
              </Link>{" "}
              <span className="text-sm text-slate-600">
                {e.roleName}: {seatsText(e.seatsByRegion)} · {PHASE_LABEL[e.phase]}
                {e.isTest && " · test election"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

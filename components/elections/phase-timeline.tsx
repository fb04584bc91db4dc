import { DateOnly, DateTime } from "@/components/ui/time";
import type { CalendarElection } from "@/lib/elections/calendar";
import { PHASE_SHORT } from "./labels";

/** An election's phase and windows, as its calendar feed reads them, and when the TOC approved and it was published. */
type Windows = Omit<CalendarElection, "id" | "title" | "updatedAt"> & {
  approvedAt?: Date | null;
  publishedAt?: Date | null;
};

const ORDER = ["draft", "nominations", "voting", "closed", "tallied", "approved", "published"];

/** The phases in order with their times in the viewer's zone; the current one is marked for screen readers too. */
export function PhaseTimeline({ e }: { e: Windows }) {
  const current = ORDER.indexOf(e.phase);
  const steps: { phase: string; when: React.ReactNode }[] = [
    { phase: "draft", when: "being set up" },
    {
      phase: "nominations",
      when: (
        <>
          <DateTime iso={e.nominationsOpenAt.toISOString()} /> to <DateTime iso={e.nominationsCloseAt.toISOString()} />
        </>
      ),
    },
    {
      phase: "voting",
      when: (
        <>
          <DateTime iso={e.votingOpenAt.toISOString()} /> to <DateTime iso={e.votingCloseAt.toISOString()} />
        </>
      ),
    },
    { phase: "closed", when: "counted at the close" },
    { phase: "tallied", when: "officers and the TOC check the count" },
    { phase: "approved", when: e.approvedAt ? <DateTime iso={e.approvedAt.toISOString()} /> : "by a TOC member" },
    {
      phase: "published",
      when: e.publishedAt ? (
        <DateTime iso={e.publishedAt.toISOString()} />
      ) : (
        <>
          terms start <DateOnly date={e.cycleDate} />
        </>
      ),
    },
  ];
  return (
    <ol className="grid gap-2 sm:grid-cols-7" aria-label="Phases">
      {steps.map((s, i) => (
        <li
          key={s.phase}
          aria-current={i === current ? "step" : undefined}
          className={`rounded-lg p-2 text-xs ring-1 ${i === current ? "bg-brand-50 font-medium text-brand-900 ring-brand-400" : i < current ? "bg-slate-50 text-slate-600 ring-slate-200" : "bg-white text-slate-700 ring-slate-200"}`}
        >
          <span className="block text-sm font-semibold">
            {PHASE_SHORT[s.phase]}
            {i === current && <span className="sr-only"> (current phase)</span>}
          </span>
          {s.when}
        </li>
      ))}
    </ol>
  );
}

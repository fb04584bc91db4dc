import { DateTime } from "@/components/ui/time";
import type { consensusWindowOf } from "@/lib/roles/consensus";
import { SeatForm } from "./seat-controls";

type ConsensusWindow = NonNullable<Awaited<ReturnType<typeof consensusWindowOf>>>;

/** A consensus appointment's objection window on its roster row, and the Object form for those who may. */
export function ConsensusWindowNote({ window: w, who }: { window: ConsensusWindow; who: string }) {
  const objections = `${w.objections} objection${w.objections === 1 ? "" : "s"}`;
  return (
    <div className="mt-2 text-sm text-slate-700">
      <p>
        Appointed by consensus (
        <a href={w.notesUrl} className="text-brand-700 underline">
          meeting notes
        </a>
        ).{" "}
        {w.outcome === "escalated" ? (
          // The first objection opened the TOC decision; later ones inside the window join it.
          <>
            An objection sent it to a TOC decision ({objections}
            {w.open ? " so far" : ""}).
            {w.open && (
              <>
                {" "}
                Further objections are taken until <DateTime iso={w.closesAt.toISOString()} />.
              </>
            )}
          </>
        ) : w.open ? (
          <>
            Open to objections until <DateTime iso={w.closesAt.toISOString()} /> ({objections} so far).
          </>
        ) : w.outcome === "proceeded" ? (
          <>
            No objection by <DateTime iso={w.closesAt.toISOString()} />: it went on to the TOC.
          </>
        ) : (
          <>
            The objection window closed on <DateTime iso={w.closesAt.toISOString()} />.
          </>
        )}
      </p>
      {w.mayObject && <SeatForm form="object" assignmentId={w.assignmentId} about={who} />}
    </div>
  );
}

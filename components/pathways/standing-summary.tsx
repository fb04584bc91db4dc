import { Badge } from "@/components/ui/badge";
import { criterionText } from "@/lib/pathways/ladder";
import type { Standing, StepProgress } from "@/lib/pathways/standing";

/** What a step still needs, as a list a person can act on: each count with how far they are, and the sign-off. */
export function StepNeeds({ step }: { step: StepProgress }) {
  return (
    <ul className="mt-1 list-inside list-disc text-sm text-slate-700">
      {step.criteria.map((c) => (
        <li key={`${c.kind}-${c.windowMonths}`}>
          {criterionText(c)}: {c.have} so far {c.met ? "(met)" : `(${c.count - c.have} to go)`}
        </li>
      ))}
      {step.signedOff !== null && <li>a mentor&apos;s sign-off: {step.signedOff ? "given" : "not yet"}</li>}
    </ul>
  );
}

/** Where a person stands on one TAG's ladder and what the next step needs (profile, own pathways, mentors). */
export function StandingSummary({ standing, stepCount }: { standing: Standing; stepCount: number }) {
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-2">
        <span>
          Reached: <strong>{standing.reached ?? "no step yet"}</strong>
        </span>
        <span className="text-sm text-slate-600">
          ({standing.steps.findIndex((s) => s.name === standing.reached) + 1} of {stepCount})
        </span>
        {standing.ready && <Badge tone="amber">Ready for a sign-off</Badge>}
      </p>
      {standing.next ? (
        <div>
          <p className="text-slate-700">
            Next, <strong>{standing.next.name}</strong>, needs:
          </p>
          <StepNeeds step={standing.next} />
        </div>
      ) : (
        <p className="text-slate-700">The top of the ladder.</p>
      )}
    </div>
  );
}

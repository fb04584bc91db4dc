import { criterionText, type Ladder } from "@/lib/pathways/ladder";

/** A TAG's ladder in words, lowest step first: what each step asks for. */
export function LadderSteps({ ladder }: { ladder: Ladder }) {
  return (
    <ol className="mt-3 list-inside list-decimal space-y-1 text-slate-700">
      {ladder.map((s) => (
        <li key={s.name}>
          <strong className="text-slate-900">{s.name}</strong>:{" "}
          {[...s.criteria.map(criterionText), ...(s.mentorSignOff ? ["a mentor's sign-off"] : [])].join(", ")}
        </li>
      ))}
    </ol>
  );
}

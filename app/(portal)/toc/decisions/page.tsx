import type { Metadata } from "next";
import Link from "next/link";
import { DecisionList } from "@/components/decisions/decision-list";
import { getActor } from "@/lib/auth/actor";
import { can, canInAnyTag } from "@/lib/auth/permissions";
import { BASES, THRESHOLD_KEYS, THRESHOLDS, thresholdLabel } from "@/lib/decisions/outcome";
import { listClosedDecisions, listOpenDecisions, listRemovalSupermajorities } from "@/lib/decisions/queries";
import { currentRule } from "@/lib/decisions/rules";
import { SUPERMAJORITY_KEYS } from "@/lib/decisions/schemas";
import { setDecisionRuleAction, setRemovalSupermajorityAction } from "./actions";
import { ActionForm } from "@/components/ui/action-form";

export const metadata: Metadata = { title: "TOC decisions" };

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Every TOC decision the viewer may see, open and closed, and the rule they are decided by. */
export default async function DecisionsPage() {
  const actor = await getActor();
  const mayView = canInAnyTag(actor, "decision.view");
  const maySet = can(actor, "decision.rule");
  const [open, closed, rule, tags] = await Promise.all([
    listOpenDecisions(actor),
    listClosedDecisions(actor),
    currentRule(),
    maySet ? listRemovalSupermajorities() : [],
  ]);
  const t = THRESHOLDS[rule.threshold];
  const thresholds = THRESHOLD_KEYS.map((k) => [k, capital(THRESHOLDS[k].label)] as const);
  const bases = Object.entries(BASES).map(([k, label]) => [k, capital(label)] as const);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/toc" className="text-brand-700 underline">
            Dashboard
          </Link>{" "}
          / TOC decisions
        </p>
        <h1 className="text-2xl font-semibold text-slate-900">TOC decisions</h1>
        <p className="max-w-3xl text-slate-700">
          Chair and tech-lead appointments, ends and renewals, election results and removals are decided by a vote of
          the TOC members. The rule now: yes votes from {t.label} {BASES[rule.base]}, within {rule.periodDays} days
          {rule.base === "cast" ? `, with ${THRESHOLDS[rule.quorum].label} of the TOC voting` : ""}. Removals need the
          TAG&apos;s supermajority of the votes cast, with {THRESHOLDS[rule.quorum].label} of the TOC voting.
        </p>
      </header>
      {mayView ? (
        <>
          <section aria-labelledby="open-h" className="space-y-3">
            <h2 id="open-h" className="text-xl font-semibold text-slate-900">
              Open
            </h2>
            <DecisionList decisions={open} empty="No decision is open." label="Open decisions" />
          </section>
          <section aria-labelledby="closed-h" className="space-y-3">
            <h2 id="closed-h" className="text-xl font-semibold text-slate-900">
              Recently closed
            </h2>
            <DecisionList decisions={closed} empty="No decision has closed yet." label="Closed decisions" />
          </section>
        </>
      ) : (
        <p className="rounded-xl bg-white p-6 text-slate-700 ring-1 ring-slate-200">
          The TOC&apos;s decisions are shown to TOC members, admins and each TAG&apos;s leads.
        </p>
      )}
      {maySet && (
        <section aria-labelledby="rules-h" className="space-y-4">
          <h2 id="rules-h" className="text-xl font-semibold text-slate-900">
            Decision rules (TOC members and admins)
          </h2>
          <div className="grid gap-4 lg:grid-cols-2">
            <ActionForm
              action={setDecisionRuleAction}
              title="The decision rule"
              fields={[
                { name: "threshold", label: "Yes votes needed", options: thresholds, defaultValue: rule.threshold },
                { name: "base", label: "Counted among", options: bases, defaultValue: rule.base },
                {
                  name: "periodDays",
                  label: "Voting period (days)",
                  type: "number",
                  required: true,
                  defaultValue: String(rule.periodDays),
                },
                {
                  name: "quorum",
                  label: "Quorum when counting votes cast (and for removals): TOC members who must vote",
                  options: thresholds,
                  defaultValue: rule.quorum,
                },
              ]}
              submit="Save the rule"
            />
            <ActionForm
              action={setRemovalSupermajorityAction}
              title="A TAG's removal supermajority"
              description="The TOC sets it: it decides the removal of the TAG's own chairs."
              fields={[
                {
                  name: "tagId",
                  label: "TAG",
                  options: tags.map((g) => [
                    g.id,
                    `${g.name} (now ${thresholdLabel({ share: g.removalSupermajority, moreThan: false })})`,
                  ]),
                },
                {
                  name: "supermajority",
                  label: "Share of the votes cast needed to remove a leader",
                  options: SUPERMAJORITY_KEYS.map((k) => [k, capital(THRESHOLDS[k].label)]),
                },
              ]}
              submit="Save the supermajority"
            />
          </div>
        </section>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { StandingSummary } from "@/components/pathways/standing-summary";
import { ActionForm } from "@/components/ui/action-form";
import { PageHeader } from "@/components/ui/page-header";
import { PersonLink } from "@/components/ui/person-link";
import { Card, Section } from "@/components/ui/section";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { mentoringOf, personPathways } from "@/lib/pathways/queries";
import { endPairingAction, signOffStepAction } from "./actions";

export const metadata: Metadata = { title: "My leadership pathways" };

/** A person's own pathways: their standing in each TAG with a ladder, their mentors, and the people they mentor. */
export default async function MyPathwaysPage() {
  const user = await requireUser("/pathways");
  const at = await now();
  const [mine, mentoring] = await Promise.all([personPathways(user.id, at), mentoringOf(user.id, at)]);
  return (
    <div className="space-y-8">
      <PageHeader title="My leadership pathways">
        <p className="max-w-3xl text-slate-700">
          Each TAG with a ladder says which steps lead toward its leadership and what each needs. Your standing follows
          the contributions the TAG counts and your mentor&apos;s sign-offs.
        </p>
      </PageHeader>

      <Section
        id="standing"
        title="Where you stand"
        plain
        count={mine.length}
        empty="No TAG you contribute to has a ladder yet."
      >
        <ul className="space-y-3">
          {mine.map((p) => (
            <Card as="li" key={p.tag.slug} className="space-y-2">
              <h3 className="text-lg font-semibold text-slate-900">{p.tag.name}</h3>
              <StandingSummary standing={p.standing} stepCount={p.ladder.length} />
              {p.standing.next?.signedOff === false && (
                <p className="text-sm">
                  <Link href={`/help-wanted?kind=shadow&tag=${p.tag.slug}`} className="text-brand-700 underline">
                    Shadowing items in {p.tag.name}
                  </Link>
                  : the mentor each one names signs off its volunteers.
                </p>
              )}
              {p.mentors.map((m) => (
                <div key={m.id} className="flex flex-wrap items-center gap-3 text-sm">
                  <span>
                    Your mentor: <PersonLink login={m.mentor.login} />
                  </span>
                  <ActionForm
                    action={endPairingAction}
                    hidden={{ pairingId: m.id }}
                    label={`End mentoring by @${m.mentor.login}`}
                    submit="End this mentoring"
                    variant="neutral"
                    compact
                  />
                </div>
              ))}
            </Card>
          ))}
        </ul>
      </Section>

      <Section
        id="mentees"
        title="People you mentor"
        plain
        count={mentoring.length}
        empty="You mentor nobody at the moment."
      >
        <ul className="space-y-3">
          {mentoring.map((m) => {
            const signable =
              m.ladder?.filter(
                (s) => s.mentorSignOff && !m.standing?.steps.find((x) => x.name === s.name)?.signedOff,
              ) ?? [];
            return (
              <Card as="li" key={m.pairing.id} className="space-y-2">
                <h3 className="text-lg font-semibold text-slate-900">
                  <PersonLink login={m.pairing.mentee.login} /> in {m.tag.name}
                </h3>
                {m.standing && m.ladder ? (
                  <StandingSummary standing={m.standing} stepCount={m.ladder.length} />
                ) : (
                  <p className="text-slate-700">This TAG has no ladder yet.</p>
                )}
                {signable.length > 0 && (
                  <ActionForm
                    action={signOffStepAction}
                    hidden={{ pairingId: m.pairing.id }}
                    label={`Sign off @${m.pairing.mentee.login}`}
                    inline
                    compact
                    fields={[
                      {
                        name: "step",
                        label: "Step",
                        defaultValue: m.standing?.next?.signedOff === false ? m.standing.next.name : undefined,
                        options: signable.map((s) => [s.name, s.name] as const),
                      },
                    ]}
                    submit="Sign off"
                  />
                )}
                <ActionForm
                  action={endPairingAction}
                  hidden={{ pairingId: m.pairing.id }}
                  label={`End mentoring @${m.pairing.mentee.login}`}
                  submit="End this mentoring"
                  variant="neutral"
                  compact
                />
              </Card>
            );
          })}
        </ul>
      </Section>
    </div>
  );
}

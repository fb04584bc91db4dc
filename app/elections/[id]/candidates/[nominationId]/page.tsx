import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MarkdownSection } from "@/components/markdown";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { ElectionCrumbs, LoginList } from "@/components/elections/election-links";
import { DefinitionItem, DefinitionList } from "@/components/ui/definition-list";
import { PageHeader } from "@/components/ui/page-header";
import { Card, Section } from "@/components/ui/section";
import { DateTime } from "@/components/ui/time";
import { loadForPage } from "@/app/_lib/load-election";
import { endorsersOf } from "@/lib/elections/queries";

export const metadata: Metadata = { title: "Candidate" };

/** One candidate of an election: their statement, their activity in the TAG and who endorsed them. */
export default async function CandidatePage({ params }: { params: Promise<{ id: string; nominationId: string }> }) {
  const { id, nominationId } = await params;
  const { e } = await loadForPage(id);
  const n = e.nominations.find((x) => x.id === nominationId);
  if (!n) notFound();
  const endorsers = await endorsersOf(n.id);
  const who = n.name ?? n.login;
  return (
    <div className="space-y-6">
      <PageHeader title={`${who}, candidate`} compact eyebrow={<ElectionCrumbs e={e} current={who} />}>
        <p className="flex flex-wrap items-center gap-2">
          <Avatar login={n.login} src={n.avatarUrl} size={32} />
          <a href={`/people/${n.login}`} className="text-brand-700 underline">
            @{n.login}
          </a>
          {n.status === "withdrawn" && (
            <Badge>{n.withdrawnDuringVoting ? "withdrew during voting" : "withdrawn"}</Badge>
          )}
          {n.status === "unendorsed" && <Badge>not enough endorsements</Badge>}
        </p>
      </PageHeader>
      <MarkdownSection id="statement-h" title="Statement" text={n.statement} />
      <Section id="activity-h" title="Activity" plain>
        <Card>
          <DefinitionList layout="grid">
            <DefinitionItem term="Region">{n.region ?? "not given"}</DefinitionItem>
            <DefinitionItem term="Employer">{n.employer ?? "not given"}</DefinitionItem>
            <DefinitionItem term={`Contributions to ${e.tag.name}`}>
              {n.contributions.total} from <DateTime iso={n.contributions.window.from.toISOString()} /> to{" "}
              <DateTime iso={n.contributions.window.to.toISOString()} />
              {n.contributions.lastAt && (
                <>
                  {" "}
                  (last <DateTime iso={n.contributions.lastAt.toISOString()} />)
                </>
              )}
            </DefinitionItem>
            <DefinitionItem term="Stood on">
              <DateTime iso={n.createdAt.toISOString()} />
            </DefinitionItem>
          </DefinitionList>
        </Card>
      </Section>
      <Section id="endorsements-h" title="Endorsements" plain className="space-y-2">
        <p className="text-slate-700">
          {e.endorsementsRequired > 0
            ? `${n.endorsements.count} of ${e.endorsementsRequired} needed, from ${n.endorsements.employers} employers${n.endorsements.met ? " (enough)" : ""}.`
            : `${endorsers.length} ${endorsers.length === 1 ? "endorsement" : "endorsements"}; this election needs none.`}
        </p>
        {endorsers.length > 0 && <LoginList logins={endorsers} className="list-disc pl-6 text-sm" />}
      </Section>
    </div>
  );
}

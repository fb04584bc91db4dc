import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import type { ServerAction } from "@/components/ui/form";
import { Section, TileList } from "@/components/ui/section";
import { DateTime } from "@/components/ui/time";

interface Props {
  repo: string;
  file: string;
  proposals: { id: string; title: string; openedAt: string; pull: { url: string; number: number } | null }[];
  open: ServerAction;
}

/**
 * The lead console's roster changes that wait for the TOC (issue 19 point 4): each one's pull
 * request to the TOC's tags.yaml, or a button that opens it now (the sweep opens it within the
 * minute, and tries again an hour after GitHub refused it).
 */
export function RosterPullSection({ repo, file, proposals, open }: Props) {
  return (
    <Section
      id="roster-pulls"
      title="Roster changes for the TOC"
      count={proposals.length}
      description={
        <>
          The TOC approves chairs and tech leads by merging a pull request to {file} in {repo}. The portal opens one for
          each pending change; merging it approves the change here, closing it refuses it.
        </>
      }
      empty="No roster change waits for the TOC."
    >
      <TileList items={proposals}>
        {(p) => (
          <>
            <p>
              <Link href={`/toc/decisions/${p.id}`} className="font-semibold text-brand-700 underline">
                {p.title}
              </Link>{" "}
              <span className="text-sm text-slate-600">
                proposed <DateTime iso={p.openedAt} />
              </span>
            </p>
            {p.pull ? (
              <p className="text-sm">
                Pull request:{" "}
                <a href={p.pull.url} rel="noopener" className="break-all text-brand-700 underline">
                  {repo}#{p.pull.number}
                </a>
              </p>
            ) : (
              <ActionForm
                action={open}
                hidden={{ decisionId: p.id }}
                label={`Pull request for ${p.title}`}
                description="No pull request yet (GitHub may have refused the last attempt)."
                submit="Open the pull request now"
                success="Pull request opened."
                compact
              />
            )}
          </>
        )}
      </TileList>
    </Section>
  );
}

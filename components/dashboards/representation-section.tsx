import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import type { Representation } from "@/lib/representation/load";
import { REPRESENTATION_GROUP_LABEL, SMALLEST_SHOWN_GROUP, type TargetRow } from "@/lib/representation/targets";

function Status({ row }: { row: TargetRow }) {
  if (row.met === null) return <Badge tone="slate">Not shown</Badge>;
  return row.met ? <Badge tone="green">Met</Badge> : <Badge tone="amber">Below target</Badge>;
}

/** A TAG's leadership and TAG Ambassadors against its representation targets (issue 21 point 3). */
export function RepresentationSection({
  representation: r,
  slug,
  mayEdit,
}: {
  representation: Representation;
  slug: string;
  mayEdit: boolean;
}) {
  const editLink = (
    <Link href={`/manage/${slug}/representation`} className="text-sm text-brand-700 underline">
      {mayEdit ? "Set the targets" : "About the targets"}
    </Link>
  );
  return (
    <Section
      id="representation"
      title="Representation against targets"
      description={`Regions are public on the roster, so their counts are exact. Countries are private: a count under ${SMALLEST_SHOWN_GROUP} people is not shown, nor whether a small target is met.`}
      empty={r.rows.length === 0 && "This TAG has set no representation targets."}
      actions={editLink}
    >
      {r.rows.length > 0 && (
        <div className="mt-3 space-y-2">
          <DataTable
            caption="Representation targets and how many hold seats now"
            rows={r.rows}
            rowKey={(x, i) => `${x.group}-${x.place}-${i}`}
            columns={[
              { header: "Group", cell: (x) => REPRESENTATION_GROUP_LABEL[x.group] },
              { header: "Region or country", cell: (x) => x.place, rowHeader: true, sort: (x) => x.place },
              { header: "Target", cell: (x) => `at least ${x.minimum}`, sort: (x) => x.minimum },
              {
                header: "Now",
                cell: (x) => (x.count === null ? `fewer than ${SMALLEST_SHOWN_GROUP}` : String(x.count)),
              },
              { header: "Status", cell: (x) => <Status row={x} /> },
            ]}
          />
          <p className="text-sm text-slate-700">
            Countries given: {r.coverage.leadership.given} of {r.coverage.leadership.total} in leadership,{" "}
            {r.coverage.ambassadors.given} of {r.coverage.ambassadors.total} TAG Ambassadors (a country is optional on
            profiles).
          </p>
        </div>
      )}
    </Section>
  );
}

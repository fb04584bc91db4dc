import { now } from "@/lib/clock";
import { CSV_TYPE, errorResponse, fileResponse } from "@/lib/http/responses";
import { toCsv } from "@/lib/roles/csv";
import { listRosterForExport } from "@/lib/roles/queries";
import { findTagBySlug } from "@/lib/tags/queries";
import { ROLE_KIND_LABEL, SEAT_STATUS_LABEL, type SeatStatus } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";

const HEADER = [
  "person login",
  "name",
  "role",
  "kind",
  "region",
  "employer",
  "status",
  "start",
  "term end",
  "obtained by",
  "decision link",
];

// The seat state as the API spells it ("on-leave") mapped to the status set's human label.
const stateLabel = (state: string) => SEAT_STATUS_LABEL[state.replaceAll("-", "_") as SeatStatus] ?? state;

/** The roster of a TAG as RFC 4180 CSV (public, like the TAG page), in human labels as the UI shows them. */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const tag = await findTagBySlug((await params).slug);
  if (!tag) return errorResponse("NOT_FOUND", "No such TAG.");
  const rows = await listRosterForExport(tag.id, await now());
  const body = toCsv([
    HEADER,
    ...rows.map((r) => [
      r.login,
      r.name,
      r.role,
      ROLE_KIND_LABEL[r.kind],
      r.region,
      r.employer,
      stateLabel(r.status),
      r.start,
      r.termEnd,
      r.obtainedBy,
      r.decisionLink,
    ]),
  ]);
  return fileResponse(body, { type: CSV_TYPE, name: `tag-${tag.slug}-roster.csv` });
}

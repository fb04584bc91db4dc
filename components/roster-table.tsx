import { Avatar } from "@/components/ui/avatar";
import { LocalTime } from "@/components/ui/local-time";

export const SEAT_LABEL: Record<string, string> = { chair: "Chair", tech_lead: "Tech Lead" };

export interface SeatRow {
  id: string;
  kind: string;
  status: string;
  termEndAt: Date | null;
  endRequestedAt: Date | null;
  user: { login: string; name: string | null; avatarUrl: string | null; region: string | null; employer: string | null };
}

/** Leadership seats of one TAG; `controls` renders per-seat actions for those allowed. */
export function RosterTable({ seats, controls }: { seats: SeatRow[]; controls?: (seat: SeatRow) => React.ReactNode }) {
  if (seats.length === 0) return <p className="rounded-xl bg-white p-6 text-slate-600 ring-1 ring-slate-200">No chairs or tech leads recorded yet.</p>;
  return (
    <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Leadership roster</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Person</th>
            <th scope="col" className="px-4 py-2 font-medium">Seat</th>
            <th scope="col" className="px-4 py-2 font-medium">Region</th>
            <th scope="col" className="px-4 py-2 font-medium">Employer</th>
            <th scope="col" className="px-4 py-2 font-medium">Term ends</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {seats.map((s) => (
            <tr key={s.id}>
              <td className="px-4 py-2">
                <span className="flex items-center gap-2">
                  <Avatar login={s.user.login} src={s.user.avatarUrl} size={24} />
                  <a href={`/people/${s.user.login}`} className="text-brand-700 underline">
                    {s.user.name ?? s.user.login}
                  </a>
                </span>
                {controls?.(s)}
              </td>
              <td className="px-4 py-2">
                {SEAT_LABEL[s.kind] ?? s.kind}
                {s.status === "pending" && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">pending TOC approval</span>}
                {s.endRequestedAt && <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800">end pending approval</span>}
              </td>
              <td className="px-4 py-2">{s.user.region ?? "—"}</td>
              <td className="px-4 py-2">{s.user.employer ?? "—"}</td>
              <td className="px-4 py-2">{s.termEndAt ? <LocalTime iso={s.termEndAt.toISOString()} /> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

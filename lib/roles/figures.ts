/**
 * The one set of seat figures (pure). Every surface that shows how many people hold a role (the
 * TAG page, `/toc`, `/toc/<slug>`, the CSVs, `GET /api/v1/tags/{slug}`) computes them here, from
 * the role's current definition and its seats' states (`seatStatusAt`):
 * - holders: seats `active` or `on-leave` (a seat on leave is held);
 * - pending: appointments awaiting the TOC, shown apart, never held and never subtracted;
 * - vacancies: max(0, totalSeats - holders), null when the role has no total; 0 once retired.
 */
import type { SeatState } from "./seats.ts";

export interface RoleFigures {
  /** The role's stable key (RoleDefinition.roleKey). */
  key: string;
  kind: string;
  totalSeats: number | null;
  holders: number;
  pending: number;
  vacancies: number | null;
  retired: boolean;
}

export function roleFigures(
  role: { roleKey: string; kind: string; totalSeats: number | null; retiredAt?: Date | null },
  seats: readonly { roleKey: string | null; state: SeatState }[],
): RoleFigures {
  let holders = 0;
  let pending = 0;
  for (const s of seats) {
    if (s.roleKey !== role.roleKey) continue;
    if (s.state === "active" || s.state === "on-leave") holders++;
    else if (s.state === "pending") pending++;
  }
  const retired = !!role.retiredAt;
  return {
    key: role.roleKey,
    kind: role.kind,
    totalSeats: role.totalSeats,
    holders,
    pending,
    vacancies: role.totalSeats === null ? null : retired ? 0 : Math.max(0, role.totalSeats - holders),
    retired,
  };
}

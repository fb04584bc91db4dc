/**
 * One set of figures (issue 15): the demo's TAGs read through every surface that counts seats, the
 * TAG page, `/toc`, `/toc/<slug>`, the CSVs and `GET /api/v1/tags/{slug}`, agree on each role's
 * holders, pending appointments and vacancies, and on each seat's state.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env, resetEnvForTests } from "@/lib/env";
import { now } from "@/lib/clock";
import { loadActor } from "@/lib/auth/actor";
import { getTagDashboard, getTocOverview } from "@/lib/dashboards/queries";
import { overviewTable, tagTables } from "@/lib/dashboards/tables";
import { toCsv } from "@/lib/roles/csv";
import { recordLeave } from "@/lib/roles/leaves";
import { listRoster, summarizeRoles } from "@/lib/roles/queries";
import { appointToRole } from "@/lib/roles/roster";
import { LeaveSchema } from "@/lib/roles/schemas";
import { addDays, isoDay, SEAT_STATUS_LABEL } from "@/lib/vocabulary";
import { seed } from "@/prisma/seed";

type Figures = { holders: number; pending: number; vacancies: number | null };
type Handler = (req: Request, ctx: { params: Promise<{ slug: string }> }) => Promise<Response>;

/** RFC 4180 rows (the portal's CSVs quote cells with commas, quotes or line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endCell();
    else if (c === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

const byColumn = (rows: string[][]) => {
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ""])));
};
const num = (s: string | number | null | undefined) => (s === "" || s === null || s === undefined ? null : Number(s));

let apiTag: Handler;
let rosterCsv: Handler;
const request = (slug: string, path: string) =>
  [
    new Request(`http://localhost${path}`, { headers: { "x-forwarded-for": "10.77.0.1" } }),
    { params: Promise.resolve({ slug }) },
  ] as const;

beforeAll(async () => {
  process.env.API_RATE_LIMIT_PER_MINUTE = "1000";
  resetEnvForTests();
  await seed(env().DATABASE_URL!);
  apiTag = (await import("@/app/api/v1/tags/[slug]/route")).GET as unknown as Handler;
  rosterCsv = (await import("@/app/tags/[slug]/roster.csv/route")).GET as unknown as Handler;
  // Make every figure non-trivial: a pending Tech Lead appointment and a Tech Lead on leave today.
  const wf = await db.tag.findUniqueOrThrow({ where: { slug: "workloads-foundation" } });
  const tl = await db.roleDefinition.findFirstOrThrow({
    where: { tagId: wf.id, kind: "tech_lead", supersededAt: null },
  });
  const chair = await db.user.findFirstOrThrow({ where: { login: "nico-chair" } });
  await appointToRole(await loadActor(chair.id), { roleDefinitionId: tl.id, login: "eli-ambassador" });
  const sven = await db.roleAssignment.findFirstOrThrow({
    where: { tagId: wf.id, kind: "tech_lead", user: { login: "sven-lead" } },
  });
  const at = await now();
  await recordLeave(
    await loadActor(sven.userId),
    LeaveSchema.parse({ assignmentId: sven.id, from: isoDay(at), to: isoDay(addDays(at, 5)) }),
  );
}, 120_000);

describe("one set of figures", () => {
  it("every surface gives each seeded role the same holders, pending and vacancies", async () => {
    const toc = await loadActor((await db.user.findFirstOrThrow({ where: { login: "toby-toc" } })).id);
    const at = await now();
    const overview = await getTocOverview(toc);
    const tags = await db.tag.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true } });
    expect(tags.map((t) => t.slug)).toEqual([
      "developer-experience",
      "infrastructure",
      "operational-resilience",
      "security-and-compliance",
      "workloads-foundation",
    ]);
    for (const tag of tags) {
      // The TAG page.
      const page = new Map((await summarizeRoles(tag.id, at)).map((s) => [s.def.roleKey, s.figures]));
      const names = new Map((await summarizeRoles(tag.id, at)).map((s) => [s.def.name, s.def.roleKey]));
      const expected: Record<string, Figures> = Object.fromEntries(
        [...page].map(([k, f]) => [k, { holders: f.holders, pending: f.pending, vacancies: f.vacancies }]),
      );
      // The API.
      const res = await apiTag(...request(tag.slug, `/api/v1/tags/${tag.slug}`));
      expect(res.status).toBe(200);
      const api = (await res.json()) as {
        roles: ({ key: string; kind: string; totalSeats: number | null } & Figures)[];
        roster: { roleKey: string; status: string }[];
      };
      expect(
        Object.fromEntries(
          api.roles.map((r) => [r.key, { holders: r.holders, pending: r.pending, vacancies: r.vacancies }]),
        ),
      ).toEqual(expected);
      for (const r of api.roles) {
        expect(r.holders).toBe(
          api.roster.filter((s) => s.roleKey === r.key && ["active", "on-leave"].includes(s.status)).length,
        );
        expect(r.pending).toBe(api.roster.filter((s) => s.roleKey === r.key && s.status === "pending").length);
        expect(r.vacancies).toBe(r.totalSeats === null ? null : Math.max(0, r.totalSeats - r.holders));
      }
      // `/toc` (the overview's dashboards) and `/toc/<slug>` (the drill-down) and its roles CSV.
      const card = overview.dashboards.find((d) => d.tag.slug === tag.slug)!;
      const drill = (await getTagDashboard(toc, tag.slug))!.dashboard;
      for (const d of [card, drill])
        expect(
          Object.fromEntries(
            d.roles.map((r) => [r.key, { holders: r.holders, pending: r.pending, vacancies: r.vacancies }]),
          ),
        ).toEqual(expected);
      const rolesTable = tagTables(drill).find((t) => t.key === "roles")!;
      const csvRoles = byColumn(
        // The bytes `/toc/<slug>/roles.csv` sends (lib/dashboards/csv.ts).
        parseCsv(toCsv([rolesTable.columns, ...rolesTable.rows])),
      );
      expect(
        Object.fromEntries(
          csvRoles.map((r) => [
            names.get(r.role!)!,
            { holders: num(r.holders), pending: num(r.pending), vacancies: num(r.vacancies) },
          ]),
        ),
      ).toEqual(expected);
      // The overview CSV's leadership columns.
      const ov = overviewTable(overview.dashboards);
      const row = ov.rows.find((r) => r[1] === tag.slug)!;
      const col = (name: string) => row[ov.columns.indexOf(name)];
      const lead = api.roles.filter((r) => r.kind === "chair" || r.kind === "tech-lead");
      expect(col("chairs and tech leads")).toBe(lead.reduce((n, r) => n + r.holders, 0));
      expect(col("chair and tech-lead appointments awaiting the TOC")).toBe(lead.reduce((n, r) => n + r.pending, 0));
      // The roster CSV: one row per seat, with the same state as the API's roster.
      const csv = await rosterCsv(...request(tag.slug, `/tags/${tag.slug}/roster.csv`));
      const seats = byColumn(parseCsv(await csv.text()));
      for (const [name, key] of names) {
        // The CSV names states as people read them (lib/vocabulary's seat status labels).
        const sitting: string[] = [SEAT_STATUS_LABEL.active, SEAT_STATUS_LABEL.on_leave];
        const held = seats.filter((s) => s.role === name && sitting.includes(s.status!)).length;
        const pending = seats.filter((s) => s.role === name && s.status === SEAT_STATUS_LABEL.pending).length;
        expect({ role: name, held, pending }).toEqual({
          role: name,
          held: expected[key]!.holders,
          pending: expected[key]!.pending,
        });
      }
      // The page's roster and the API's roster give each seat the same state.
      const states = (await listRoster(tag.id, at)).map((r) => r.state).sort();
      expect(api.roster.map((s) => s.status).sort()).toEqual(states);
    }
  });

  it("the demo's Workloads Foundation Tech Lead role: 3 held (one on leave), 1 pending, one term ending within 60 days", async () => {
    const wf = await db.tag.findUniqueOrThrow({ where: { slug: "workloads-foundation" } });
    const at = await now();
    const tl = (await summarizeRoles(wf.id, at)).find((s) => s.def.kind === "tech_lead")!;
    expect(tl.figures).toMatchObject({ holders: 3, pending: 1, vacancies: null });
    const roster = (await listRoster(wf.id, at)).filter((r) => r.roleKey === tl.def.roleKey);
    expect(roster.map((r) => [r.user.login, r.state]).sort()).toEqual([
      ["eli-ambassador", "pending"],
      ["otto-lead", "active"],
      ["rhea-lead", "active"],
      ["sven-lead", "on-leave"],
    ]);
    const rhea = roster.find((r) => r.user.login === "rhea-lead")!;
    expect(rhea.termEndAt!.getTime() - at.getTime()).toBeLessThan(60 * 86_400_000);
  });
});

/**
 * The demo's GitHub identities: fictional people (no real person's name, login or email).
 * The stand-in serves them and shows each one's role on its sign-in page; the demo seed gives
 * each the portal role in `role` and the seats in `seats`.
 */
import { z } from "zod";
import rowsJson from "./identities.json" with { type: "json" };
import { REGIONS, type Region } from "../../lib/vocabulary/index.ts";

const DEMO_ROLES = ["admin", "toc", "chair", "tech-lead", "ambassador", "member"] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];

export interface StandInIdentity {
  id: number;
  login: string;
  name: string;
  email: string | null;
  /**
   * What GET /user/emails answers: the primary address, verified (default); one GitHub has not
   * verified; or 404, as GitHub answers a token without the `user:email` scope.
   */
  emails?: "verified" | "unverified" | "refused";
  role: DemoRole;
  region?: Region;
  employer?: string;
  /** Chair / tech-lead seats by TAG slug. */
  seats?: { tag: string; kind: "chair" | "tech_lead" }[];
  blurb: string;
}

/**
 * identities.json holds one row per person: `[login, name, role, region, employer, seats?]`, where
 * seats is "<tag-slug>:<chair|tech_lead>", comma-separated. Workloads Foundation has three tech
 * leads; Rhea's term ends within 60 days of seeding (the demo shows terms ending).
 */
const Row = z.tuple([z.string(), z.string(), z.enum(DEMO_ROLES), z.enum(REGIONS), z.string()], z.string());
const rows = z.array(Row).parse(rowsJson);

const ROLE_LABEL: Record<DemoRole, string> = {
  admin: "Portal admin",
  toc: "TOC member",
  chair: "Chair",
  "tech-lead": "Tech lead",
  ambassador: "CNCF Ambassador",
  member: "Community member",
};

const tagName = (slug: string) =>
  "TAG " +
  slug
    .split("-")
    .map((w) => (w === "and" ? w : w[0]!.toUpperCase() + w.slice(1)))
    .join(" ");

export const identities: StandInIdentity[] = rows.map(([login, name, role, region, employer, seats], i) => {
  const parsed = (seats ?? "")
    .split(",")
    .filter(Boolean)
    .map((s) => {
      const [tag, kind] = s.split(":") as [string, "chair" | "tech_lead"];
      return { tag, kind };
    });
  const where = parsed.map((s) => `${s.kind === "chair" ? "Chair" : "Tech lead"} of ${tagName(s.tag)}`).join("; ");
  return {
    id: 910001 + i,
    login,
    name,
    // One demo person keeps their email private, as many GitHub users do (exercises /user/emails).
    email: login === "teo-techlead" ? null : `${login}@example.test`,
    role,
    region,
    employer,
    seats: parsed,
    blurb: `${where || ROLE_LABEL[role]} · ${region}`,
  };
});

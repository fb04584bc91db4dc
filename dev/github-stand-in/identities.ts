/**
 * The demo's GitHub identities: fictional people (no real person's name, login or email).
 * The stand-in serves them and shows each one's role on its sign-in page; the demo seed gives
 * each the portal role in `role` and the seats in `seats`.
 */
export type DemoRole = "admin" | "toc" | "chair" | "tech-lead" | "ambassador" | "member";

export interface StandInIdentity {
  id: number;
  login: string;
  name: string;
  email: string | null;
  role: DemoRole;
  region?: "APAC" | "EMEA" | "Americas";
  employer?: string;
  /** Chair / tech-lead seats by TAG slug. */
  seats?: { tag: string; kind: "chair" | "tech_lead" }[];
  blurb: string;
}

type Row = [
  login: string,
  name: string,
  role: DemoRole,
  region: "APAC" | "EMEA" | "Americas",
  employer: string,
  seats?: string,
];

// seats: "<tag-slug>:<chair|tech_lead>", comma-separated.
const rows: Row[] = [
  ["ada-admin", "Ada Quillfeather", "admin", "EMEA", "Northwind Cloud"],
  ["toby-toc", "Toby Marrowind", "toc", "Americas", "Lumen Systems"],
  ["chia-chair", "Chia Oakhollow", "chair", "APAC", "Harbor Labs", "security-and-compliance:chair"],
  ["teo-techlead", "Teo Brightwater", "tech-lead", "EMEA", "Independent", "developer-experience:tech_lead"],
  ["amy-ambassador", "Amy Starling", "ambassador", "Americas", "Copperleaf"],
  ["milo-member", "Milo Fernsby", "member", "EMEA", "Bramble Data"],
  ["ravi-root", "Ravi Tallowmere", "admin", "APAC", "Kestrel Works"],
  ["tess-toc", "Tess Amberline", "toc", "EMEA", "Driftwood IO"],
  ["uma-toc", "Uma Greenvale", "toc", "APAC", "Sable Networks"],
  ["omar-toc", "Omar Linden", "toc", "Americas", "Independent"],
  ["cora-chair", "Cora Vantwell", "chair", "Americas", "Lumen Systems", "developer-experience:chair"],
  ["kai-chair", "Kai Morrowfield", "chair", "EMEA", "Northwind Cloud", "infrastructure:chair"],
  ["lena-chair", "Lena Birchwood", "chair", "APAC", "Harbor Labs", "operational-resilience:chair"],
  ["nico-chair", "Nico Halloway", "chair", "Americas", "Copperleaf", "workloads-foundation:chair"],
  ["ines-lead", "Ines Corrigan", "tech-lead", "EMEA", "Bramble Data", "security-and-compliance:tech_lead"],
  ["jun-lead", "Jun Whitlock", "tech-lead", "APAC", "Kestrel Works", "infrastructure:tech_lead"],
  ["pia-lead", "Pia Saltmarsh", "tech-lead", "Americas", "Sable Networks", "operational-resilience:tech_lead"],
  ["sven-lead", "Sven Ashdown", "tech-lead", "EMEA", "Driftwood IO", "workloads-foundation:tech_lead"],
  ["yara-lead", "Yara Pennywhistle", "tech-lead", "APAC", "Independent", "security-and-compliance:tech_lead"],
  ["bea-ambassador", "Bea Thornbury", "ambassador", "EMEA", "Northwind Cloud"],
  ["dev-ambassador", "Dev Kalloway", "ambassador", "APAC", "Harbor Labs"],
  ["eli-ambassador", "Eli Rookwood", "ambassador", "Americas", "Independent"],
  ["fay-ambassador", "Fay Mistral", "ambassador", "EMEA", "Copperleaf"],
  ["gus-ambassador", "Gus Fallowby", "ambassador", "APAC", "Lumen Systems"],
  ["hana-ambassador", "Hana Quillon", "ambassador", "Americas", "Kestrel Works"],
  ["ivo-member", "Ivo Brambleton", "member", "EMEA", "Sable Networks"],
  ["jade-member", "Jade Wrenfield", "member", "APAC", "Driftwood IO"],
  ["luca-member", "Luca Penhallow", "member", "Americas", "Bramble Data"],
  ["mae-member", "Mae Tinderly", "member", "EMEA", "Independent"],
  ["noor-member", "Noor Castellan", "member", "APAC", "Northwind Cloud"],
  // Workloads Foundation has three tech leads; Rhea's term ends within 60 days of seeding (demo: terms end).
  ["rhea-lead", "Rhea Coldharbour", "tech-lead", "APAC", "Lumen Systems", "workloads-foundation:tech_lead"],
  ["otto-lead", "Otto Brackenridge", "tech-lead", "EMEA", "Copperleaf", "workloads-foundation:tech_lead"],
];

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

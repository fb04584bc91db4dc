/**
 * The demo's GitHub identities: fictional people (no real person's name, login or email).
 * The stand-in serves them; the demo seed gives each the portal role in `role`.
 */
export interface StandInIdentity {
  id: number;
  login: string;
  name: string;
  email: string | null;
  /** What the demo seed makes of this person; the stand-in itself ignores it. */
  role: "admin" | "toc" | "chair" | "tech-lead" | "ambassador" | "member";
  blurb: string;
}

export const identities: StandInIdentity[] = [
  { id: 910001, login: "ada-admin", name: "Ada Quillfeather", email: "ada@example.test", role: "admin", blurb: "Portal admin" },
  { id: 910002, login: "toby-toc", name: "Toby Marrowind", email: "toby@example.test", role: "toc", blurb: "TOC member" },
  { id: 910003, login: "chia-chair", name: "Chia Oakhollow", email: "chia@example.test", role: "chair", blurb: "Chair of TAG Security and Compliance" },
  { id: 910004, login: "teo-techlead", name: "Teo Brightwater", email: null, role: "tech-lead", blurb: "Tech lead of TAG Developer Experience (no public email)" },
  { id: 910005, login: "amy-ambassador", name: "Amy Starling", email: "amy@example.test", role: "ambassador", blurb: "CNCF Ambassador" },
  { id: 910006, login: "milo-member", name: "Milo Fernsby", email: "milo@example.test", role: "member", blurb: "Community member" },
];

/**
 * `npm run bench:data`: fills the database in use (DATABASE_URL, else the embedded dev cluster)
 * with 100,000 help-wanted items over every TAG and 5,000 people with realistic skills, for
 * `npm run bench:board` (issue 4, "Performance"). Generated rows are marked: item titles start
 * with `[bench]`, logins are `bench-user-N`. Running it again replaces them;
 * `npm run bench:data -- --reset` only removes them. Deterministic (seeded), so figures compare.
 * Options: `--items N`, `--users N`.
 */
import pg from "pg";
import { randomUUID } from "node:crypto";
import { migrateAndVerify, openDatabase, EMBEDDED_DB, EMBEDDED_PORT } from "../scripts/db/database.ts";
import { demoTags } from "../prisma/seed.ts";
import { BOARD_KINDS as KINDS, CURATED_SKILLS, DAY, REGIONS } from "@/lib/vocabulary";

export const BENCH_PREFIX = "[bench]";
const BATCH = 5_000;

/**
 * The database in use. An embedded dev cluster that is already running (someone's `npm run dev`)
 * is used as it is: starting it again would stop it under them.
 */
export async function benchDatabaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const running = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/${EMBEDDED_DB}`;
  const probe = new pg.Client({ connectionString: running, connectionTimeoutMillis: 1_000 });
  try {
    await probe.connect();
    await probe.end();
    return running;
  } catch {
    const { url } = await openDatabase();
    await migrateAndVerify(url);
    return url;
  }
}

/** A small seeded PRNG (mulberry32): the same data on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const n = int(min, max);
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
    return out;
  };
  return { next, int, pick, some };
}

const PROJECTS = [
  "Kubernetes",
  "Prometheus",
  "Envoy",
  "OpenTelemetry",
  "Argo",
  "Flux",
  "Cilium",
  "etcd",
  "Helm",
  "Linkerd",
  "Jaeger",
  "Falco",
  "Open Policy Agent",
  "Harbor",
  "containerd",
  "CoreDNS",
  "Rook",
  "Vitess",
  "TiKV",
  "Crossplane",
  "Backstage",
  "Keptn",
  "KubeEdge",
  "Dapr",
  "Knative",
  "in-toto",
  "Notary",
  "SPIFFE",
  "Kyverno",
  "Thanos",
];
const FOUNDATIONS = [
  "OpenSSF",
  "the Linux Foundation",
  "the Eclipse Foundation",
  "the Apache Software Foundation",
  "OpenInfra",
  "the CD Foundation",
];
const EVENTS = [
  "KubeCon EU",
  "KubeCon NA",
  "KubeCon China",
  "KubeCon India",
  "a Kubernetes Community Day",
  "the TAG booth",
  "a local meetup",
];
const TOPICS = [
  "threat model",
  "security assessment",
  "supply chain security",
  "SBOM guidance",
  "policy as code",
  "observability whitepaper",
  "cost efficiency guide",
  "service mesh comparison",
  "storage landscape",
  "edge computing patterns",
  "platform engineering maturity model",
  "incident response playbook",
  "zero trust architecture",
  "multi-tenancy guide",
  "energy efficiency metrics",
  "GitOps principles",
  "runtime security checklist",
  "SLO handbook",
  "chaos engineering primer",
  "WebAssembly runtimes overview",
  "AI workload scheduling",
  "compliance mapping",
  "secrets management",
  "network policy recipes",
  "database operators survey",
  "developer portal guide",
];
const TITLES: Record<string, ((r: ReturnType<typeof prng>) => string)[]> = {
  "project-liaison": [
    (r) => `Liaise with the ${r.pick(PROJECTS)} maintainers on the ${r.pick(TOPICS)}`,
    (r) => `Project liaison for ${r.pick(PROJECTS)}: monthly check-ins`,
    (r) => `Help ${r.pick(PROJECTS)} prepare its ${r.pick(TOPICS)}`,
  ],
  "foundation-liaison": [
    (r) => `Foundation liaison with ${r.pick(FOUNDATIONS)} on the ${r.pick(TOPICS)}`,
    (r) => `Represent the TAG in ${r.pick(FOUNDATIONS)} working group`,
  ],
  event: [
    (r) => `Staff ${r.pick(EVENTS)} and give the TAG update`,
    (r) => `Organise a ${r.pick(TOPICS)} session at ${r.pick(EVENTS)}`,
    (r) => `Run the TAG's project pavilion hour at ${r.pick(EVENTS)}`,
  ],
  content: [
    (r) => `Write the ${r.pick(TOPICS)} for ${r.pick(PROJECTS)}`,
    (r) => `Blog post: what we learned from the ${r.pick(TOPICS)}`,
    (r) =>
      `Translate the ${r.pick(TOPICS)} into ${r.pick(["Japanese", "Spanish", "Portuguese", "Chinese", "Hindi", "French", "German", "Korean"])}`,
    (r) => `Record a podcast episode on the ${r.pick(TOPICS)}`,
  ],
  review: [
    (r) =>
      `Review the ${r.pick(PROJECTS)} ${r.pick(["sandbox application", "incubation due diligence", "graduation proposal", "security self-assessment"])}`,
    (r) => `Peer review of the ${r.pick(TOPICS)} draft`,
  ],
  other: [
    (r) => `Triage the TAG's open issues about the ${r.pick(TOPICS)}`,
    (r) => `Mentor new contributors on ${r.pick(PROJECTS)}`,
    (r) => `Update the TAG's ${r.pick(["meeting notes template", "onboarding page", "charter", "landscape entries"])}`,
  ],
};
const SENTENCES = [
  (r: ReturnType<typeof prng>) =>
    `We are looking for someone with experience in ${r.pick(CURATED_SKILLS).toLowerCase()} to help the TAG.`,
  (r: ReturnType<typeof prng>) =>
    `The work builds on last year's ${r.pick(TOPICS)} and the feedback from ${r.pick(PROJECTS)} maintainers.`,
  (r: ReturnType<typeof prng>) =>
    `Expect a short sync every ${r.pick(["week", "two weeks", "month"])} with the tech leads.`,
  () => `Deliverables: a draft in the TAG repository, review comments addressed, and a short summary for the TOC.`,
  (r: ReturnType<typeof prng>) => `See the discussion in the ${r.pick(PROJECTS)} community meeting notes for context.`,
  (r: ReturnType<typeof prng>) =>
    `Newcomers are welcome: a mentor from the TAG will pair with you on the ${r.pick(TOPICS)}.`,
  (r: ReturnType<typeof prng>) =>
    `**Why it matters:** end users keep asking about ${r.pick(TOPICS)} at ${r.pick(EVENTS)}.`,
  (r: ReturnType<typeof prng>) =>
    `- Read the existing ${r.pick(TOPICS)}\n- Interview two ${r.pick(PROJECTS)} maintainers\n- Open a pull request`,
];
const EXTRA_SKILLS = [
  "Helm",
  "eBPF",
  "Terraform",
  "OpenTelemetry",
  "SBOM",
  "Policy as code",
  "Video editing",
  "Social media",
  "Spanish",
  "Japanese",
  "Data analysis",
  "Java",
];
const SKILLS = [...CURATED_SKILLS, ...EXTRA_SKILLS];
const KIND_SKILLS: Record<string, readonly string[]> = {
  "project-liaison": [
    "Kubernetes",
    "Go",
    "Project assessment",
    "Governance",
    "Community management",
    "Security",
    "Observability",
  ],
  "foundation-liaison": ["Governance", "Community management", "Public speaking", "Security"],
  event: ["Event organizing", "Public speaking", "Community management", "Social media", "Video editing"],
  content: ["Technical writing", "Documentation", "Translation", "Design and UX", "Public speaking"],
  review: ["Project assessment", "Security", "Kubernetes", "Go", "Rust", "Observability", "Networking", "Storage"],
  other: SKILLS,
};
const KIND_WEIGHTS = [0.2, 0.07, 0.15, 0.3, 0.18, 0.1];

function weighted<T>(r: ReturnType<typeof prng>, list: readonly T[], weights: readonly number[]): T {
  let x = r.next();
  for (let i = 0; i < list.length; i++) {
    x -= weights[i] ?? 0;
    if (x <= 0) return list[i]!;
  }
  return list[list.length - 1]!;
}

/** Removes every generated row (items cascade to their TAG links and claims). */
export async function resetBenchData(client: pg.Client): Promise<{ items: number; users: number }> {
  const items = await client.query(`DELETE FROM "HelpWantedItem" WHERE "title" LIKE $1`, [`${BENCH_PREFIX}%`]);
  const users = await client.query(`DELETE FROM "User" WHERE "login" LIKE 'bench-user-%'`);
  return { items: items.rowCount ?? 0, users: users.rowCount ?? 0 };
}

/** Items across the demo TAGs and people to volunteer (also used by bench/replicas.ts). */
export async function generate(client: pg.Client, itemCount: number, userCount: number): Promise<void> {
  const r = prng(20261126);
  const now = Date.now();
  for (const t of demoTags) {
    await client.query(
      `INSERT INTO "Tag" ("id", "slug", "name", "mission", "mailingList", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT ("slug") DO NOTHING`,
      [randomUUID(), t.slug, t.name, t.mission, t.mailingList ?? null],
    );
  }
  const tags = (await client.query<{ id: string }>(`SELECT "id" FROM "Tag" ORDER BY "slug"`)).rows.map((t) => t.id);

  const userIds: string[] = [];
  for (let start = 0; start < userCount; start += BATCH) {
    const cols = {
      id: [] as string[],
      githubId: [] as string[],
      login: [] as string[],
      name: [] as string[],
      region: [] as (string | null)[],
      skills: [] as string[],
      hours: [] as (number | null)[],
    };
    for (let n = start; n < Math.min(userCount, start + BATCH); n++) {
      const id = randomUUID();
      userIds.push(id);
      cols.id.push(id);
      cols.githubId.push(String(9_000_000_000 + n));
      cols.login.push(`bench-user-${n}`);
      cols.name.push(`Bench User ${n}`);
      cols.region.push(r.next() < 0.1 ? null : r.pick(REGIONS));
      // text[][] cannot be ragged, so each person's skills travel as one JSON string.
      cols.skills.push(JSON.stringify(r.some(SKILLS, 1, 6)));
      cols.hours.push(r.next() < 0.3 ? null : r.int(2, 40));
    }
    await client.query(
      `INSERT INTO "User" ("id", "githubId", "login", "name", "region", "skills", "hoursPerMonth", "updatedAt")
       SELECT u.id, u.gid, u.login, u.name, u.region::"Region", ARRAY(SELECT json_array_elements_text(u.skills::json)), u.hours, now()
       FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[]) AS u(id, gid, login, name, region, skills, hours)`,
      [cols.id, cols.githubId, cols.login, cols.name, cols.region, cols.skills, cols.hours],
    );
  }
  for (let start = 0; start < itemCount; start += BATCH) {
    const rows: unknown[][] = Array.from({ length: 15 }, () => []);
    const links = { item: [] as string[], tag: [] as string[] };
    for (let n = start; n < Math.min(itemCount, start + BATCH); n++) {
      const id = randomUUID();
      const kind = weighted(r, KINDS, KIND_WEIGHTS);
      const status = weighted(r, ["open", "filled", "closed", "draft"] as const, [0.62, 0.1, 0.23, 0.05]);
      const places = weighted(r, [1, 2, 3, 5, 10], [0.55, 0.2, 0.12, 0.1, 0.03]);
      const placesTaken = status === "filled" ? places : status === "closed" ? r.int(0, places) : r.int(0, places - 1);
      const createdAt = new Date(now - r.int(0, 730) * DAY - r.int(0, DAY));
      const dueAt = r.next() < 0.6 ? new Date(createdAt.getTime() + r.int(14, 240) * DAY) : null;
      const title = `${BENCH_PREFIX} ${r.pick(TITLES[kind]!)(r)}`;
      const body = Array.from({ length: r.int(2, 6) }, () => r.pick(SENTENCES)(r)).join("\n\n");
      const skills = r.some(r.next() < 0.8 ? KIND_SKILLS[kind]! : SKILLS, 1, 4);
      const values = [
        id,
        title,
        body,
        kind,
        status,
        JSON.stringify(skills),
        r.next() < 0.15 ? null : weighted(r, [1, 2, 4, 8, 16, 40, 80], [0.1, 0.2, 0.25, 0.2, 0.15, 0.07, 0.03]),
        r.next() < 0.45 ? null : r.pick(REGIONS),
        dueAt,
        places,
        placesTaken,
        r.pick(userIds.length ? userIds : [null]),
        createdAt,
        status === "closed" ? new Date(createdAt.getTime() + r.int(1, 200) * DAY) : null,
        status === "closed" ? "Done" : null,
      ];
      values.forEach((v, i) => rows[i]!.push(v));
      for (const tagId of r.some(tags, 1, r.next() < 0.8 ? 1 : 3)) {
        links.item.push(id);
        links.tag.push(tagId);
      }
    }
    await client.query(
      `INSERT INTO "HelpWantedItem" ("id", "title", "body", "kind", "status", "skills", "effortHours", "region", "dueAt",
         "places", "placesTaken", "createdById", "createdAt", "updatedAt", "closedAt", "closedReason")
       SELECT x.id, x.title, x.body, x.kind::"HelpWantedKind", x.status::"ItemStatus", ARRAY(SELECT json_array_elements_text(x.skills::json)),
         x.effort, x.region::"Region", x.due, x.places, x.taken, x.creator, x.created, x.created, x.closed, x.reason
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::timestamptz[],
         $10::int[], $11::int[], $12::uuid[], $13::timestamptz[], $14::timestamptz[], $15::text[])
         AS x(id, title, body, kind, status, skills, effort, region, due, places, taken, creator, created, closed, reason)`,
      rows,
    );
    await client.query(
      `INSERT INTO "HelpWantedItemTag" ("itemId", "tagId") SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      [links.item, links.tag],
    );
    if (process.stdout.isTTY)
      process.stdout.write(
        `\r  items ${Math.min(itemCount, start + BATCH).toLocaleString("en-US")} / ${itemCount.toLocaleString("en-US")}`,
      );
  }
  if (process.stdout.isTTY) process.stdout.write("\n");
  await client.query(`ANALYZE "HelpWantedItem"; ANALYZE "HelpWantedItemTag"; ANALYZE "User"; ANALYZE "Tag"`);
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} takes a whole number`);
  return v;
}

async function main(): Promise<void> {
  const url = await benchDatabaseUrl();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t = performance.now();
    const removed = await resetBenchData(client);
    console.log(
      `removed ${removed.items.toLocaleString("en-US")} generated items and ${removed.users.toLocaleString("en-US")} generated people`,
    );
    if (process.argv.includes("--reset")) return;
    const items = option("--items", 100_000);
    const users = option("--users", 5_000);
    await generate(client, items, users);
    const { rows } = await client.query<{ status: string; n: string }>(
      `SELECT "status"::text, count(*) AS n FROM "HelpWantedItem" WHERE "title" LIKE $1 GROUP BY 1 ORDER BY 1`,
      [`${BENCH_PREFIX}%`],
    );
    console.log(
      `generated ${items.toLocaleString("en-US")} items (${rows.map((r) => `${r.status} ${r.n}`).join(", ")}) and ${users.toLocaleString("en-US")} people in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
  process.exit(0);
}

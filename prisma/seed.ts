/**
 * Demo data: the five current CNCF TAGs (public facts from the TOC's tags.yaml) and fictional
 * people, one per role, matching the GitHub stand-in's identities. Idempotent: run it again and
 * nothing is duplicated.
 */
import { createPrismaClient } from "../lib/prisma-client.ts";
import { identities } from "../dev/github-stand-in/identities.ts";
import { seedBoard } from "./seed-board.ts";
import { seedDecisions } from "./seed-decisions.ts";
import { DEMO_ELECTION_TAG, DEMO_TECH_LEAD_ROLE_KEY, seedElections } from "./seed-elections.ts";
import { createLeadershipRoles, ensureStandardRole } from "../lib/roles/leadership-roles.ts";
import { addDays } from "../lib/vocabulary/index.ts";
import { seedLiaisons } from "./seed-liaisons.ts";
import { giveApprovedSeat } from "./seed-seats.ts";
import { seedProjects } from "./seed-projects.ts";
import { seedPathways } from "./seed-pathways.ts";
import { seedRepresentation } from "./seed-representation.ts";
import { seedDeliverables } from "./seed-deliverables.ts";

export const demoTags = [
  {
    slug: "developer-experience",
    name: "TAG Developer Experience",
    mission: "Databases, Microservices, Streaming, Messaging, API Management, Dev Frameworks.",
    mailingList: "https://lists.cncf.io/g/cncf-tag-developer-experience/",
  },
  {
    slug: "infrastructure",
    name: "TAG Infrastructure",
    mission:
      "Data, Storage, Network, DNS, Compute, Service Mesh, Infrastructure-as-Code, Edge, Sovereignty, Load Balancing.",
    mailingList: "https://lists.cncf.io/g/cncf-tag-infrastructure",
  },
  {
    slug: "operational-resilience",
    name: "TAG Operational Resilience",
    mission:
      "Observability, Management, Business Continuity, Resource Optimization, Cost Efficiency, Energy, Performance, Troubleshooting, Reliability, Day 2 Ops.",
    mailingList: "https://lists.cncf.io/g/cncf-tag-operational-resilience",
    // Its Tech Leads are elected (prisma/seed-elections.ts).
    leadershipModel: "election" as const,
  },
  {
    slug: "security-and-compliance",
    name: "TAG Security and Compliance",
    mission: "Security hygiene, Policy-as-code, Compliance, Auditing, Threat Modeling, Secure Software Supply Chain.",
    mailingList: "https://lists.cncf.io/g/cncf-tag-security-and-compliance",
    // The stand-in serves this repository's issues, pulls, reviews and comments for the sync demo.
    repositories: ["cncf/tag-security"],
  },
  {
    slug: "workloads-foundation",
    name: "TAG Workloads Foundation",
    mission:
      "Practices and standards for fundamental cloud native workload execution environments and their lifecycle management.",
    mailingList: "https://lists.cncf.io/g/cncf-tag-workloads-foundation",
  },
];

/** Days from seeding to the end of the demo's one term ending soon (a TAG with a term ending within 60 days). */
export const SOON_ENDING_TERM_DAYS = 58;
const SOON_ENDING_TERM_LOGIN = "rhea-lead";

export async function seed(url: string): Promise<void> {
  const db = createPrismaClient(url);
  try {
    const seededAt = new Date("2026-01-15T00:00:00Z");
    for (const t of demoTags) {
      const tag = await db.tag.upsert({
        where: { slug: t.slug },
        create: t,
        update: t,
        select: { id: true, leadershipModel: true },
      });
      // Every TAG has its Chair and Tech Lead roles; the elections demo names its Tech Lead role.
      await db.$transaction((tx) =>
        createLeadershipRoles(tx, tag, {
          at: seededAt,
          actorId: null,
          techLeadRoleKey: t.slug === DEMO_ELECTION_TAG ? DEMO_TECH_LEAD_ROLE_KEY : undefined,
        }),
      );
    }
    const tags = new Map(
      (await db.tag.findMany({ select: { id: true, slug: true, leadershipModel: true } })).map((t) => [t.slug, t]),
    );
    for (const p of identities) {
      const roles = {
        isAdmin: p.role === "admin",
        isTocMember: p.role === "toc",
        isCncfAmbassador: p.role === "ambassador",
      };
      const user = await db.user.upsert({
        where: { githubId: BigInt(p.id) },
        create: {
          githubId: BigInt(p.id),
          login: p.login,
          name: p.name,
          email: p.email,
          region: p.region,
          employer: p.employer,
          ...roles,
        },
        update: roles,
        select: { id: true, login: true, region: true, employer: true },
      });
      for (const seat of p.seats ?? []) {
        const tag = tags.get(seat.tag)!;
        const held = await db.roleAssignment.findFirst({
          where: { tagId: tag.id, userId: user.id, kind: seat.kind, status: "active" },
          select: { id: true },
        });
        if (held) continue;
        const termEndAt =
          p.login === SOON_ENDING_TERM_LOGIN
            ? addDays(new Date(), SOON_ENDING_TERM_DAYS)
            : new Date("2028-01-15T00:00:00Z");
        // The TOC approved the demo's leaders: seats given through the one appointment path, held.
        await db.$transaction(async (tx) => {
          const role = await ensureStandardRole(tx, tag, seat.kind, { at: seededAt, actorId: null });
          await giveApprovedSeat(tx, { roleKey: role.roleKey, tagId: tag.id, person: user, at: seededAt, termEndAt });
        });
      }
    }
    await seedProjects(db);
    await seedLiaisons(db);
    await seedElections(db);
    await seedDecisions(db);
    await seedBoard(db);
    await seedPathways(db);
    await seedRepresentation(db);
    await seedDeliverables(db);
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("Set DATABASE_URL, or use `npm run demo`, which seeds the embedded database.");
    process.exit(1);
  }
  await seed(url);
  console.log(`Seeded ${demoTags.length} TAGs and ${identities.length} demo people.`);
}

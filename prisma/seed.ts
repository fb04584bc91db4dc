/**
 * Demo data: the five current CNCF TAGs (public facts from the TOC's tags.yaml) and fictional
 * people, one per role, matching the GitHub stand-in's identities. Idempotent: run it again and
 * nothing is duplicated.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client.ts";
import { identities } from "../dev/github-stand-in/identities.ts";
import { seedBoard } from "./seed-board.ts";
import { seedElections } from "./seed-elections.ts";
import { seedLiaisons } from "./seed-liaisons.ts";
import { seedProjects } from "./seed-projects.ts";

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

export async function seed(url: string): Promise<void> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    for (const t of demoTags) {
      await db.tag.upsert({ where: { slug: t.slug }, create: t, update: t });
    }
    const tagIds = new Map((await db.tag.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
    const seededAt = new Date("2026-01-15T00:00:00Z");
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
        select: { id: true },
      });
      for (const seat of p.seats ?? []) {
        const tagId = tagIds.get(seat.tag)!;
        const held = await db.roleAssignment.findFirst({
          where: { tagId, userId: user.id, kind: seat.kind, status: "active" },
          select: { id: true },
        });
        if (held) continue;
        await db.roleAssignment.create({
          data: {
            tagId,
            userId: user.id,
            kind: seat.kind,
            status: "active",
            regionAtStart: p.region,
            requestedAt: seededAt,
            startAt: seededAt,
            termEndAt: new Date("2028-01-15T00:00:00Z"),
            decisionLink: "https://github.com/cncf/toc/issues",
          },
        });
      }
    }
    await seedProjects(db);
    await seedLiaisons(db);
    await seedElections(db);
    await seedBoard(db);
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

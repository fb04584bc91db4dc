/**
 * Demo data for leadership pathways (issue 21): a ladder for TAG Developer Experience, and recent
 * contributions of Jade (a member) in two TAGs, enough to reach "Reviewer" on the ladders the demo
 * and the end-to-end test define. Idempotent: external ids make a second run a no-op.
 */
import type { PrismaClient } from "../lib/generated/prisma/client.ts";
import type { Ladder } from "../lib/pathways/ladder.ts";

const DAY = 86_400_000;

/** The demo ladder of TAG Developer Experience (a chair defines the others at /manage/<tag>/pathway). */
const DEMO_LADDER: Ladder = [
  { name: "Contributor", criteria: [{ kind: "pr", count: 1, windowMonths: 6 }], mentorSignOff: false },
  {
    name: "Reviewer",
    criteria: [
      { kind: "review", count: 3, windowMonths: 6 },
      { kind: "meeting", count: 2, windowMonths: 6 },
    ],
    mentorSignOff: false,
  },
  { name: "Shadow", criteria: [{ kind: "assessment", count: 1, windowMonths: 12 }], mentorSignOff: true },
  { name: "Project lead", criteria: [{ kind: "event", count: 2, windowMonths: 12 }], mentorSignOff: false },
];

/** Jade's work: a pull request, three reviews, two meetings and a shadowed assessment, days before seeding. */
const JADE_WORK = [
  ["pr", 20],
  ["review", 5],
  ["review", 12],
  ["review", 30],
  ["meeting", 7],
  ["meeting", 21],
  ["assessment", 40],
] as const;

export const PATHWAY_DEMO_MEMBER = "jade-member";

export async function seedPathways(db: PrismaClient): Promise<void> {
  const clock = await db.clockState.findUnique({ where: { id: 1 }, select: { offsetMs: true } });
  const at = new Date(Date.now() + Number(clock?.offsetMs ?? 0n));
  const [jade, tags] = await Promise.all([
    db.user.findFirst({ where: { login: PATHWAY_DEMO_MEMBER }, orderBy: { createdAt: "asc" }, select: { id: true } }),
    db.tag.findMany({
      where: { slug: { in: ["developer-experience", "security-and-compliance"] } },
      select: { id: true, slug: true },
    }),
  ]);
  if (!jade || tags.length < 2) throw new Error("seedPathways: run the main seed first");
  const devex = tags.find((t) => t.slug === "developer-experience")!;
  await db.pathwayLadder.upsert({
    where: { tagId: devex.id },
    create: { tagId: devex.id, steps: DEMO_LADDER, updatedAt: at },
    update: {},
  });
  await db.contributionRecord.createMany({
    data: tags.flatMap((t) =>
      JADE_WORK.map(([kind, days], i) => ({
        userId: jade.id,
        tagId: t.id,
        kind,
        // Pull requests and reviews come from GitHub; meetings and assessments were reported and verified.
        ...(kind === "pr" || kind === "review"
          ? { source: "github" as const }
          : { source: "self_reported" as const, verification: "verified" as const }),
        occurredAt: new Date(at.getTime() - days * DAY),
        title: `Demo ${kind} ${i + 1}`,
        externalId: `pathway-demo:${t.slug}:${i}`,
      })),
    ),
    skipDuplicates: true,
  });
}

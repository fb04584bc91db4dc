/**
 * The demo's help-wanted board (issue 18): about sixty items across the five TAGs, every kind and
 * every state a newcomer should meet (open, a volunteer waiting for a lead, an invitation, claimed,
 * in progress with updates, stale, done with evidence awaiting confirmation, done, closed), some
 * linked to the GitHub stand-in's help-wanted issues, volunteers among the demo's people, and
 * contribution records so that leaders' activity varies.
 *
 * Times are relative to the portal clock at the first run, so a stale claim is stale and an open
 * one is not. Deterministic and idempotent: every row has a stable id or external id and an item
 * that exists is left alone with its claims, updates and history (running the seed again changes
 * nothing, even after people used the demo).
 *
 * The volunteers are demo people the end-to-end specs do not drive through the help-wanted flow
 * (their claim limits and "for you" rankings stay as those specs expect).
 */
import type { PrismaClient } from "../lib/generated/prisma/client.ts";
import type { ContributionKind, HelpWantedKind, Region } from "../lib/generated/prisma/enums.ts";
import { recordAudit, type AuditInput } from "../lib/audit/record.ts";
import { DAY } from "../lib/vocabulary/index.ts";

/** The states a demo item is seeded in; `BOARD_STATES` lists them for tests. */
export const BOARD_STATES = [
  "open",
  "waiting",
  "invited",
  "claimed",
  "in-progress",
  "stale",
  "done",
  "completed",
  "closed",
] as const;
export type BoardState = (typeof BOARD_STATES)[number];

/** Stable ids (the seed is idempotent; tests and docs can name an item). */
export const demoItemId = (n: number) => `b0a2d000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const demoClaimId = (n: number, k = 0) => `b0a2d000-0000-4000-9${k}00-${String(n).padStart(12, "0")}`;

/** Who posts for each TAG (one of its leads in identities.ts) and who volunteers there. */
const TAG_PEOPLE: Record<string, { leads: [string, string]; volunteers: string[] }> = {
  "developer-experience": {
    leads: ["cora-chair", "teo-techlead"],
    volunteers: ["eli-ambassador", "jade-member", "hana-ambassador", "luca-member", "omar-toc"],
  },
  infrastructure: {
    leads: ["jun-lead", "kai-chair"],
    volunteers: ["gus-ambassador", "noor-member", "eli-ambassador", "ivo-member", "uma-toc"],
  },
  "operational-resilience": {
    leads: ["pia-lead", "lena-chair"],
    volunteers: ["hana-ambassador", "mae-member", "gus-ambassador", "jade-member", "bea-ambassador"],
  },
  "security-and-compliance": {
    leads: ["yara-lead", "ines-lead"],
    volunteers: ["bea-ambassador", "luca-member", "noor-member", "eli-ambassador", "mae-member"],
  },
  "workloads-foundation": {
    leads: ["sven-lead", "nico-chair"],
    volunteers: ["ivo-member", "hana-ambassador", "uma-toc", "gus-ambassador", "luca-member"],
  },
};

interface DemoItem {
  tags: string[];
  title: string;
  kind: HelpWantedKind;
  skills: string[];
  effort: number;
  region?: Region;
  state: BoardState;
  /** Days from now (negative: in the past). */
  due?: number;
  places?: number;
  /** A help-wanted issue of the stand-in's cncf/tag-security (dev/github-stand-in/repos.ts). */
  issue?: { number: number; title: string; state: "open" | "closed"; assignees?: string[] };
  body: string;
}

const rows: DemoItem[] = [
  // TAG Developer Experience
  {
    tags: ["developer-experience"],
    title: "Write a getting-started guide for the API gateway landscape",
    kind: "content",
    skills: ["Technical writing"],
    effort: 12,
    state: "open",
    due: 30,
    body: "A short guide that walks a newcomer through the API gateway projects: what each is for, how they differ, where to start.\n\nDone when the guide is merged on the TAG's site.",
  },
  {
    tags: ["developer-experience"],
    title: "Liaison for the Dapr project",
    kind: "project_liaison",
    skills: ["Community management", "Python"],
    effort: 4,
    region: "Americas",
    state: "open",
    body: "Meet the maintainers monthly, bring their needs to the TAG and the TAG's reviews to them.",
  },
  {
    tags: ["developer-experience"],
    title: "Review the microservices patterns whitepaper draft",
    kind: "review",
    skills: ["Platform engineering"],
    effort: 6,
    state: "waiting",
    due: 14,
    body: "Read the draft and leave comments on the pull request: gaps, errors, unclear passages.",
  },
  {
    tags: ["developer-experience"],
    title: "Host the developer experience office hours in APAC",
    kind: "event",
    skills: ["Public speaking"],
    effort: 3,
    region: "APAC",
    state: "open",
    due: 21,
    body: "One hour, once a month, at an APAC-friendly time. Answer questions, collect feedback for the TAG.",
  },
  {
    tags: ["developer-experience"],
    title: "Survey maintainers about local development loops",
    kind: "other",
    skills: ["Design and UX"],
    effort: 10,
    state: "invited",
    body: "Design and run a short survey of maintainers: how they build, test and debug locally, and where it hurts.",
  },
  {
    tags: ["developer-experience"],
    title: "Streaming platforms comparison table",
    kind: "content",
    skills: ["Technical writing", "Storage"],
    effort: 8,
    state: "claimed",
    body: "A table of the streaming and messaging projects with their delivery guarantees, storage and operators.",
  },
  {
    tags: ["developer-experience"],
    title: "Record a talk on inner-loop tooling for KubeCon",
    kind: "content",
    skills: ["Public speaking", "Kubernetes"],
    effort: 15,
    state: "in-progress",
    due: 40,
    body: "A 25-minute recorded talk on inner-loop tools, reviewed by the TAG before submission.",
  },
  {
    tags: ["developer-experience"],
    title: "Translate the developer portal FAQ into Spanish",
    kind: "content",
    skills: ["Translation"],
    effort: 5,
    region: "Americas",
    state: "stale",
    body: "Translate the FAQ and open a pull request; a second speaker reviews it.",
  },
  {
    tags: ["developer-experience"],
    title: "Triage the TAG's open documentation issues",
    kind: "review",
    skills: ["Technical writing"],
    effort: 4,
    state: "done",
    body: "Label, close or answer every documentation issue older than three months.",
  },
  {
    tags: ["developer-experience"],
    title: "Blog post: what the database working group learned in 2026",
    kind: "content",
    skills: ["Technical writing"],
    effort: 6,
    state: "completed",
    body: "A post for the CNCF blog summarising the working group's year.",
  },
  {
    tags: ["developer-experience"],
    title: "Organise a hack day on API management",
    kind: "event",
    skills: ["Event organizing"],
    effort: 20,
    state: "closed",
    body: "Plan and run a hack day. Closed: the co-located event was cancelled.",
  },
  {
    tags: ["developer-experience", "infrastructure"],
    title: "Map the service mesh and API gateway overlap",
    kind: "content",
    skills: ["Networking", "Technical writing"],
    effort: 10,
    state: "open",
    due: 45,
    body: "Where do service meshes and API gateways overlap, and how should a team choose? A page for both TAGs.",
  },

  // TAG Infrastructure
  {
    tags: ["infrastructure"],
    title: "Liaison for the Rook project",
    kind: "project_liaison",
    skills: ["Storage", "Kubernetes"],
    effort: 4,
    region: "EMEA",
    state: "open",
    body: "Meet Rook's maintainers monthly and represent their needs in the TAG.",
  },
  {
    tags: ["infrastructure"],
    title: "Benchmark methodology for CNI plugins",
    kind: "content",
    skills: ["Networking"],
    effort: 16,
    state: "open",
    due: 60,
    body: "Write down a fair way to compare container network plugins: workloads, metrics, environments.",
  },
  {
    tags: ["infrastructure"],
    title: "Review the storage whitepaper update",
    kind: "review",
    skills: ["Storage"],
    effort: 6,
    state: "waiting",
    due: 10,
    body: "The storage whitepaper has a new chapter on object storage; review it before publication.",
  },
  {
    tags: ["infrastructure"],
    title: "Edge computing reading list",
    kind: "content",
    skills: ["Technical writing"],
    effort: 3,
    state: "open",
    body: "Collect ten good articles and talks on edge computing with a line on each.",
  },
  {
    tags: ["infrastructure"],
    title: "Staff the infrastructure booth at KubeCon China",
    kind: "event",
    skills: ["Public speaking", "Event organizing"],
    effort: 6,
    region: "APAC",
    places: 3,
    state: "claimed",
    due: 35,
    body: "Three volunteers, three hours each, at the project pavilion.",
  },
  {
    tags: ["infrastructure"],
    title: "Infrastructure-as-Code landscape refresh",
    kind: "content",
    skills: ["Platform engineering", "CI/CD"],
    effort: 12,
    state: "in-progress",
    body: "Update the IaC landscape page: new projects, archived ones, a note on each.",
  },
  {
    tags: ["infrastructure"],
    title: "DNS resilience case study",
    kind: "content",
    skills: ["Networking"],
    effort: 8,
    state: "stale",
    body: "Interview an end user about their DNS outage and write up what they changed.",
  },
  {
    tags: ["infrastructure"],
    title: "Liaison to the CNCF end user community on storage",
    kind: "foundation_liaison",
    skills: ["Storage", "Community management"],
    effort: 3,
    state: "done",
    body: "Attend the end user storage meetings and report back to the TAG each month.",
  },
  {
    tags: ["infrastructure"],
    title: "Load balancing glossary",
    kind: "content",
    skills: ["Networking", "Technical writing"],
    effort: 4,
    state: "completed",
    body: "Definitions for the load-balancing terms the TAG's documents use.",
  },
  {
    tags: ["infrastructure"],
    title: "Compute sovereignty panel",
    kind: "event",
    skills: ["Public speaking"],
    effort: 5,
    region: "EMEA",
    state: "closed",
    body: "A panel at a European event. Closed: the programme committee chose another format.",
  },
  {
    tags: ["infrastructure"],
    title: "Review the cluster API self-assessment",
    kind: "review",
    skills: ["Kubernetes", "Project assessment"],
    effort: 8,
    state: "open",
    due: 25,
    body: "Read the project's self-assessment and check it against the TAG's template.",
  },
  {
    tags: ["infrastructure", "workloads-foundation"],
    title: "GPU scheduling explainer",
    kind: "content",
    skills: ["Kubernetes"],
    effort: 9,
    state: "in-progress",
    body: "Explain device plugins, dynamic resource allocation and GPU sharing for platform teams.",
  },

  // TAG Operational Resilience
  {
    tags: ["operational-resilience"],
    title: "Observability maturity model: alerting chapter",
    kind: "content",
    skills: ["Observability", "Technical writing"],
    effort: 10,
    state: "open",
    due: 30,
    body: "Write the alerting chapter of the maturity model: levels, signals, examples.",
  },
  {
    tags: ["operational-resilience"],
    title: "Liaison for the OpenCost project",
    kind: "project_liaison",
    skills: ["Observability"],
    effort: 4,
    region: "Americas",
    state: "open",
    body: "Represent OpenCost in the TAG and the TAG's cost work to OpenCost.",
  },
  {
    tags: ["operational-resilience"],
    title: "Energy efficiency measurement guide review",
    kind: "review",
    skills: ["Observability"],
    effort: 5,
    state: "waiting",
    due: 7,
    body: "Review the guide on measuring workloads' energy use before it goes to the TOC.",
  },
  {
    tags: ["operational-resilience"],
    title: "Chaos engineering workshop at KubeCon EU",
    kind: "event",
    skills: ["Public speaking", "Kubernetes"],
    effort: 8,
    region: "EMEA",
    places: 2,
    state: "open",
    due: 50,
    body: "Two facilitators for a 90-minute hands-on workshop.",
  },
  {
    tags: ["operational-resilience"],
    title: "Incident review template",
    kind: "content",
    skills: ["Technical writing"],
    effort: 4,
    state: "invited",
    body: "A blameless incident review template the TAG can recommend.",
  },
  {
    tags: ["operational-resilience"],
    title: "Cost efficiency case study with an end user",
    kind: "content",
    skills: ["Technical writing", "Observability"],
    effort: 10,
    state: "claimed",
    body: "Interview an end user about how they cut cluster costs and write it up.",
  },
  {
    tags: ["operational-resilience"],
    title: "Day 2 operations checklist",
    kind: "content",
    skills: ["Platform engineering"],
    effort: 8,
    state: "in-progress",
    due: 20,
    body: "A checklist for running clusters after launch: upgrades, backups, capacity, on-call.",
  },
  {
    tags: ["operational-resilience"],
    title: "Performance testing working group notes",
    kind: "other",
    skills: ["Community management"],
    effort: 2,
    state: "stale",
    body: "Take notes at the working group's meetings and publish them within a week.",
  },
  {
    tags: ["operational-resilience"],
    title: "Review the business continuity paper",
    kind: "review",
    skills: ["Governance"],
    effort: 6,
    state: "done",
    body: "Review the paper's recovery objectives section.",
  },
  {
    tags: ["operational-resilience"],
    title: "Troubleshooting guide for crash-looping pods",
    kind: "content",
    skills: ["Kubernetes", "Technical writing"],
    effort: 6,
    state: "completed",
    body: "A step-by-step guide: events, logs, probes, resources.",
  },
  {
    tags: ["operational-resilience"],
    title: "Reliability podcast series",
    kind: "content",
    skills: ["Public speaking"],
    effort: 12,
    state: "closed",
    body: "A podcast series on reliability. Closed: merged into the CNCF podcast.",
  },
  {
    tags: ["operational-resilience"],
    title: "Liaison to the Green Software Foundation",
    kind: "foundation_liaison",
    skills: ["Community management"],
    effort: 3,
    region: "EMEA",
    state: "open",
    body: "Keep the TAG and the Green Software Foundation aware of each other's work.",
  },

  // TAG Security and Compliance (some linked to the stand-in's help-wanted issues)
  {
    tags: ["security-and-compliance"],
    title: "Threat model for the admission controller guide",
    kind: "content",
    skills: ["Security"],
    effort: 10,
    state: "in-progress",
    issue: { number: 25, title: "Threat model for the admission controller guide", state: "open" },
    body: "The guide needs a threat model section: assets, trust boundaries, the top threats and their mitigations.\n\nDone when a reviewed PR adds it.",
  },
  {
    tags: ["security-and-compliance"],
    title: "Security self-assessment of a sandbox project",
    kind: "review",
    skills: ["Security", "Project assessment"],
    effort: 12,
    state: "claimed",
    issue: {
      number: 29,
      title: "Security self-assessment of a sandbox project",
      state: "open",
      assignees: ["dev-ambassador"],
    },
    body: "Help the project's maintainers write their self-assessment.",
  },
  {
    tags: ["security-and-compliance"],
    title: "Blog post: what the security audit found",
    kind: "content",
    skills: ["Security", "Technical writing"],
    effort: 5,
    state: "completed",
    issue: { number: 31, title: "Blog post: what the security audit found", state: "closed" },
    body: "Written and published: closed.",
  },
  {
    tags: ["security-and-compliance"],
    title: "Policy-as-code comparison",
    kind: "content",
    skills: ["Security", "Governance"],
    effort: 12,
    state: "open",
    due: 40,
    body: "Compare the policy engines: language, where they run, how policies are tested.",
  },
  {
    tags: ["security-and-compliance"],
    title: "Liaison for the Falco project",
    kind: "project_liaison",
    skills: ["Security", "Observability"],
    effort: 4,
    region: "APAC",
    state: "open",
    body: "Meet Falco's maintainers monthly; bring security reviews to them.",
  },
  {
    tags: ["security-and-compliance"],
    title: "Review the SBOM guidance for end users",
    kind: "review",
    skills: ["Security"],
    effort: 4,
    state: "waiting",
    due: 12,
    body: "Review the SBOM guidance before it goes on the TAG's site.",
  },
  {
    tags: ["security-and-compliance"],
    title: "Supply chain security workshop in EMEA",
    kind: "event",
    skills: ["Security", "Public speaking"],
    effort: 8,
    region: "EMEA",
    state: "open",
    due: 55,
    body: "A half-day workshop on signing and provenance at a community day.",
  },
  {
    tags: ["security-and-compliance"],
    title: "Compliance controls mapping for the cloud native security whitepaper",
    kind: "content",
    skills: ["Governance", "Security"],
    effort: 14,
    state: "stale",
    body: "Map the whitepaper's recommendations to common compliance frameworks.",
  },
  {
    tags: ["security-and-compliance"],
    title: "Audit log retention guidance",
    kind: "content",
    skills: ["Security"],
    effort: 6,
    state: "done",
    body: "How long to keep which audit logs, and why.",
  },
  {
    tags: ["security-and-compliance"],
    title: "Security hygiene checklist translation (Japanese)",
    kind: "content",
    skills: ["Translation", "Security"],
    effort: 5,
    region: "APAC",
    state: "closed",
    body: "Closed: a community member already published a translation.",
  },
  {
    tags: ["security-and-compliance"],
    title: "Mentor first-time security reviewers",
    kind: "other",
    skills: ["Mentoring", "Security"],
    effort: 6,
    state: "open",
    body: "Pair with two newcomers through their first assessment review.",
  },
  {
    tags: ["security-and-compliance", "operational-resilience"],
    title: "Secure defaults for observability agents",
    kind: "content",
    skills: ["Security", "Observability"],
    effort: 8,
    state: "open",
    due: 35,
    body: "Which defaults should agents ship with: permissions, network exposure, data collected.",
  },

  // TAG Workloads Foundation
  {
    tags: ["workloads-foundation"],
    title: "Container runtime comparison update",
    kind: "content",
    skills: ["Kubernetes"],
    effort: 10,
    state: "open",
    due: 30,
    body: "Refresh the runtime comparison: sandboxes, WebAssembly runtimes, VM-based isolation.",
  },
  {
    tags: ["workloads-foundation"],
    title: "Liaison for the KubeVirt project",
    kind: "project_liaison",
    skills: ["Kubernetes"],
    effort: 4,
    region: "EMEA",
    state: "open",
    body: "Meet KubeVirt's maintainers and represent their needs in the TAG.",
  },
  {
    tags: ["workloads-foundation"],
    title: "Review the batch workloads whitepaper",
    kind: "review",
    skills: ["Kubernetes", "Platform engineering"],
    effort: 6,
    state: "waiting",
    due: 9,
    body: "Review the whitepaper's scheduling chapter.",
  },
  {
    tags: ["workloads-foundation"],
    title: "AI workloads lifecycle glossary",
    kind: "content",
    skills: ["Technical writing"],
    effort: 5,
    state: "open",
    body: "Define training, serving and fine-tuning terms as the TAG uses them.",
  },
  {
    tags: ["workloads-foundation"],
    title: "Workload identity explainer",
    kind: "content",
    skills: ["Security", "Kubernetes"],
    effort: 8,
    state: "claimed",
    body: "Explain workload identity from service accounts to SPIFFE.",
  },
  {
    tags: ["workloads-foundation"],
    title: "Lifecycle management survey of end users",
    kind: "other",
    skills: ["Design and UX", "Community management"],
    effort: 10,
    state: "in-progress",
    due: 28,
    body: "Ask end users how they roll out, upgrade and retire workloads.",
  },
  {
    tags: ["workloads-foundation"],
    title: "Runtime class examples repository",
    kind: "content",
    skills: ["Kubernetes", "Rust"],
    effort: 8,
    state: "stale",
    body: "A repository of RuntimeClass examples that CI keeps working.",
  },
  {
    tags: ["workloads-foundation"],
    title: "Review the WebAssembly workloads paper",
    kind: "review",
    skills: ["Rust"],
    effort: 5,
    state: "done",
    body: "Review the paper's section on component model support.",
  },
  {
    tags: ["workloads-foundation"],
    title: "Talk at the Kubernetes community day in Bengaluru",
    kind: "event",
    skills: ["Public speaking"],
    effort: 6,
    region: "APAC",
    state: "completed",
    body: "A 20-minute talk on the TAG's work.",
  },
  {
    tags: ["workloads-foundation"],
    title: "Liaison to the Open Container Initiative",
    kind: "foundation_liaison",
    skills: ["Governance"],
    effort: 3,
    state: "closed",
    body: "Closed: the TOC appointed a liaison directly.",
  },
  {
    tags: ["workloads-foundation"],
    title: "Mentor a newcomer through a runtime contribution",
    kind: "other",
    skills: ["Mentoring", "Kubernetes"],
    effort: 6,
    state: "invited",
    body: "Guide one newcomer to a first merged contribution in a runtime project.",
  },
];

/** Ages in days of each state's events, so the board reads like a TAG's real month. */
const AGE: Record<BoardState, { posted: number; claimed?: number; last?: number }> = {
  open: { posted: 6 },
  waiting: { posted: 9, claimed: 2 },
  invited: { posted: 12, claimed: 3 },
  claimed: { posted: 15, claimed: 4, last: 4 },
  "in-progress": { posted: 30, claimed: 24, last: 3 },
  stale: { posted: 60, claimed: 55, last: 34 },
  done: { posted: 40, claimed: 35, last: 1 },
  completed: { posted: 75, claimed: 70, last: 20 },
  closed: { posted: 50 },
};

/** The seeded items, for tests: how many per state and per TAG. */
export const demoBoardItems = rows.map((r, i) => ({
  id: demoItemId(i + 1),
  title: r.title,
  state: r.state,
  tags: r.tags,
}));

type Ids = Map<string, string>;

async function seedItem(
  db: PrismaClient,
  n: number,
  r: DemoItem,
  at: Date,
  user: (login: string) => string,
  tagIds: Ids,
) {
  const id = demoItemId(n);
  if (await db.helpWantedItem.findUnique({ where: { id }, select: { id: true } })) return false;
  const day = (d: number) => new Date(at.getTime() - d * DAY + (n % 7) * 3_600_000);
  const age = AGE[r.state];
  const people = TAG_PEOPLE[r.tags[0]!]!;
  const lead = user(people.leads[n % 2]!);
  const volunteerLogin = people.volunteers[n % people.volunteers.length]!;
  const volunteer = user(volunteerLogin);
  const tagId = tagIds.get(r.tags[0]!)!;
  const places = r.places ?? 1;
  const held = ["claimed", "in-progress", "stale", "done"].includes(r.state);
  const status = r.state === "completed" || r.state === "closed" ? "closed" : held && places === 1 ? "filled" : "open";
  const posted = day(age.posted);
  const claimedAt = age.claimed !== undefined ? day(age.claimed) : null;
  const lastAt = age.last !== undefined ? day(age.last) : claimedAt;
  const closedAt = r.state === "completed" ? lastAt : r.state === "closed" ? day(10) : null;

  await db.$transaction(async (tx) => {
    await tx.helpWantedItem.create({
      data: {
        id,
        title: r.title,
        body: r.body,
        kind: r.kind,
        status,
        skills: r.skills,
        effortHours: r.effort,
        region: r.region ?? null,
        dueAt: r.due !== undefined ? day(-r.due) : null,
        places,
        placesTaken: held || r.state === "completed" ? 1 : 0,
        githubIssueUrl: r.issue ? `https://github.com/cncf/tag-security/issues/${r.issue.number}` : null,
        githubIssueTitle: r.issue?.title ?? null,
        githubIssueState: r.issue?.state ?? null,
        githubIssueAssignees: r.issue?.assignees ?? [],
        createdById: lead,
        createdAt: posted,
        updatedAt: closedAt ?? lastAt ?? posted,
        reviewedAt: posted,
        closedAt,
        closedReason:
          r.state === "completed" ? "done" : r.state === "closed" ? "No longer needed: see the description." : null,
        tags: { create: r.tags.map((slug) => ({ tagId: tagIds.get(slug)! })) },
      },
    });
    const audit: AuditInput[] = [
      { at: posted, actorId: lead, action: "help-wanted.create", subjectType: "HelpWantedItem", subjectId: id, tagId },
    ];
    if (r.state === "closed")
      audit.push({
        at: closedAt!,
        actorId: lead,
        action: "help-wanted.close",
        subjectType: "HelpWantedItem",
        subjectId: id,
        tagId,
        after: { status: "closed" },
      });
    if (claimedAt) {
      const claimId = demoClaimId(n);
      const claimStatus = {
        waiting: "requested",
        invited: "invited",
        claimed: "accepted",
        "in-progress": "accepted",
        stale: "accepted",
        done: "done",
        completed: "completed",
      }[r.state as Exclude<BoardState, "open" | "closed">] as
        "requested" | "invited" | "accepted" | "done" | "completed";
      const decided = !["requested", "invited"].includes(claimStatus);
      // Marking work done is the volunteer's last activity; a lead confirms it later.
      const doneAt = r.state === "done" ? lastAt : r.state === "completed" ? day(age.last! + 1) : null;
      const evidenceUrl =
        r.state === "done" || r.state === "completed"
          ? `https://github.com/cncf/${r.tags[0] === "security-and-compliance" ? "tag-security" : `tag-${r.tags[0]}`}/pull/${100 + n}`
          : null;
      await tx.claim.create({
        data: {
          id: claimId,
          itemId: id,
          userId: volunteer,
          status: claimStatus,
          message: claimStatus === "invited" ? "" : "I have done similar work before and have time this month.",
          createdAt: claimedAt,
          decidedAt: decided ? claimedAt : null,
          decidedById: decided ? lead : null,
          invitedById: claimStatus === "invited" ? lead : null,
          lastActivityAt: lastAt!,
          evidenceUrl,
          doneAt,
          completedAt: r.state === "completed" ? lastAt : null,
        },
      });
      audit.push({
        at: claimedAt,
        actorId: claimStatus === "invited" ? lead : volunteer,
        action: claimStatus === "invited" ? "claim.invite" : "claim.request",
        subjectType: "Claim",
        subjectId: claimId,
        tagId,
        after: { itemId: id },
      });
      if (decided)
        audit.push({
          at: claimedAt,
          actorId: lead,
          action: "claim.accept",
          subjectType: "Claim",
          subjectId: claimId,
          tagId,
          after: { status: "accepted" },
        });
      // Progress: in progress, stale (an old update and the lead's follow-up), done and completed.
      const updates =
        r.state === "in-progress"
          ? [
              { d: 14, body: "Outline agreed with the TAG's leads; first draft under way." },
              { d: age.last!, body: "First draft in review: comments from two maintainers addressed." },
            ]
          : r.state === "stale"
            ? [{ d: age.last!, body: "Started: collected the material, writing next week." }]
            : r.state === "done" || r.state === "completed"
              ? [{ d: age.last! + 5, body: "Most of the work is done; tidying up before review." }]
              : [];
      for (const [k, u] of updates.entries()) {
        await tx.claimUpdate.create({
          data: {
            id: demoClaimId(n, k + 1),
            claimId,
            authorId: volunteer,
            kind: "progress",
            body: u.body,
            createdAt: day(u.d),
          },
        });
        audit.push({
          at: day(u.d),
          actorId: volunteer,
          action: "claim.progress",
          subjectType: "Claim",
          subjectId: claimId,
          tagId,
        });
      }
      if (r.state === "stale") {
        await tx.claimUpdate.create({
          data: {
            id: demoClaimId(n, 9),
            claimId,
            authorId: lead,
            kind: "follow_up",
            body: "How is it going? Tell us if you need help or would rather hand it back.",
            createdAt: day(12),
          },
        });
        audit.push({
          at: day(12),
          actorId: lead,
          action: "claim.follow-up",
          subjectType: "Claim",
          subjectId: claimId,
          tagId,
        });
      }
      if (r.state === "done" || r.state === "completed")
        audit.push({
          at: doneAt!,
          actorId: volunteer,
          action: "claim.done",
          subjectType: "Claim",
          subjectId: claimId,
          tagId,
        });
      if (r.state === "completed") {
        audit.push({
          at: lastAt!,
          actorId: lead,
          action: "claim.complete",
          subjectType: "Claim",
          subjectId: claimId,
          tagId,
          after: { status: "completed", itemClosed: true },
        });
        // What confirming a completion records (lib/help-wanted/claims.ts).
        await tx.contributionRecord.create({
          data: {
            userId: volunteer,
            tagId,
            kind: "help_wanted",
            source: "help_wanted",
            occurredAt: lastAt!,
            title: r.title,
            link: evidenceUrl,
            externalId: `claim:${claimId}`,
          },
        });
      }
    }
    await recordAudit(tx, audit);
  });
  return true;
}

/**
 * Contribution records for the TAGs' leaders (and a few volunteers) so that the roster's activity
 * column reads "active", "quiet" and "inactive" rather than the same word for everyone.
 * `[login, TAG, ages in days of their records]`; an empty list leaves the person without records.
 */
const CONTRIBUTIONS: [string, string, number[]][] = [
  ["cora-chair", "developer-experience", [3, 12, 25, 40, 70, 110, 160, 200]],
  ["teo-techlead", "developer-experience", [150, 240]],
  ["kai-chair", "infrastructure", [5, 20, 45, 90, 130]],
  ["jun-lead", "infrastructure", [2, 9, 16, 33, 61, 95, 120, 180, 250, 300]],
  ["lena-chair", "operational-resilience", [8, 30, 65, 100]],
  ["pia-lead", "operational-resilience", []],
  ["chia-chair", "security-and-compliance", [1, 15, 38, 77, 120, 170]],
  ["ines-lead", "security-and-compliance", [200]],
  ["yara-lead", "security-and-compliance", [6, 22, 50, 80]],
  ["nico-chair", "workloads-foundation", [11, 48, 140]],
  ["sven-lead", "workloads-foundation", [4, 18, 29, 57, 88, 140, 220]],
  ["eli-ambassador", "developer-experience", [10, 60]],
  ["gus-ambassador", "infrastructure", [14, 44, 74]],
  ["hana-ambassador", "operational-resilience", [7]],
];
const CONTRIBUTION_KINDS: { kind: ContributionKind; source: "github" | "self_reported"; title: string }[] = [
  { kind: "pr", source: "github", title: "Pull request: update the TAG's landscape page" },
  { kind: "review", source: "github", title: "Review of a whitepaper pull request" },
  { kind: "issue", source: "github", title: "Issue: proposal for a new working group" },
  { kind: "meeting", source: "self_reported", title: "Chaired the TAG's bi-weekly meeting" },
  { kind: "talk", source: "self_reported", title: "Talk about the TAG's work at a community day" },
  { kind: "comment", source: "github", title: "Comment on a project's self-assessment" },
];

async function seedContributions(db: PrismaClient, at: Date, user: (login: string) => string, tagIds: Ids) {
  const data = CONTRIBUTIONS.flatMap(([login, tag, ages]) =>
    ages.map((d, k) => {
      const c = CONTRIBUTION_KINDS[(k + login.length) % CONTRIBUTION_KINDS.length]!;
      return {
        userId: user(login),
        tagId: tagIds.get(tag)!,
        kind: c.kind,
        source: c.source,
        verification: "verified" as const,
        occurredAt: new Date(at.getTime() - d * DAY),
        title: c.title,
        externalId: `demo:${login}:${tag}:${k}`,
      };
    }),
  );
  // The external ids make a second run a no-op.
  await db.contributionRecord.createMany({ data, skipDuplicates: true });
}

/** Seeds the board; returns how many items it created (0 on a second run). */
export async function seedBoard(db: PrismaClient): Promise<number> {
  const clock = await db.clockState.findUnique({ where: { id: 1 }, select: { offsetMs: true } });
  const at = new Date(Date.now() + Number(clock?.offsetMs ?? 0n));
  const logins = [...new Set(Object.values(TAG_PEOPLE).flatMap((p) => [...p.leads, ...p.volunteers]))].concat(
    CONTRIBUTIONS.map((c) => c[0]),
  );
  const users = await db.user.findMany({
    where: { login: { in: logins } },
    orderBy: { createdAt: "asc" },
    select: { id: true, login: true },
  });
  const byLogin = new Map<string, string>();
  for (const u of users) if (!byLogin.has(u.login)) byLogin.set(u.login, u.id);
  const user = (login: string) => {
    const id = byLogin.get(login);
    if (!id) throw new Error(`seedBoard: run the main seed first (@${login} not found)`);
    return id;
  };
  const tagIds: Ids = new Map((await db.tag.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
  let created = 0;
  for (const [i, r] of rows.entries()) if (await seedItem(db, i + 1, r, at, user, tagIds)) created++;
  await seedContributions(db, at, user, tagIds);
  await seedBoardReviews(db, at, tagIds);
  return created;
}

/** Days before seeding that most TAGs finished their last board review. */
const BOARD_REVIEW_DAYS_AGO = 20;

/**
 * Most TAGs finished a board review three weeks ago (the TAG page shows when and when the next one
 * falls due); the last TAG by slug has never had one, so the demo shows both. Once only: a TAG with
 * a review keeps it.
 */
async function seedBoardReviews(db: PrismaClient, at: Date, tagIds: Ids) {
  const reviewedAt = new Date(at.getTime() - BOARD_REVIEW_DAYS_AGO * DAY);
  const slugs = [...tagIds.keys()].sort().slice(0, -1);
  for (const slug of slugs) {
    const tagId = tagIds.get(slug)!;
    await db.$transaction(async (tx) => {
      const { count } = await tx.tag.updateMany({
        where: { id: tagId, boardReviewedAt: null },
        data: { boardReviewedAt: reviewedAt },
      });
      if (count === 0) return;
      await recordAudit(tx, {
        at: reviewedAt,
        actorId: null,
        action: "help-wanted.board-review",
        subjectType: "Tag",
        subjectId: tagId,
        tagId,
        after: { boardReviewedAt: reviewedAt.toISOString() },
      });
    });
  }
}

/**
 * Pure rules for GitHub issues offered as help-wanted drafts: which issues are help wanted in a
 * repository, and what kind and community labels a draft starts with. No I/O.
 */
import type { ItemKind } from "@/lib/vocabulary";
import { COMMUNITY_LABELS } from "@/lib/help-wanted/schemas";

/** The labels a repository uses for help wanted until a lead or admin says otherwise (RepositorySettings). */
export const DEFAULT_HELP_WANTED_LABELS = ["help wanted", "help-wanted", "community/help wanted"] as const;

/** At most this many labels per repository, each a GitHub label name (GitHub caps names at 50 characters). */
export const MAX_HELP_WANTED_LABELS = 10;

const norm = (label: string) => label.trim().toLowerCase();

/** True when one of the issue's labels is one of the repository's help-wanted labels (case-insensitively). */
export function isHelpWanted(issueLabels: readonly string[], helpWantedLabels: readonly string[]): boolean {
  const wanted = new Set(helpWantedLabels.map(norm));
  return issueLabels.some((l) => wanted.has(norm(l)));
}

/**
 * Parses what a lead types (one label per line or comma-separated): trimmed, lower-cased,
 * duplicates dropped. Errors name the problem; an empty list is refused (use the defaults).
 */
export function parseHelpWantedLabels(text: string): { ok: true; labels: string[] } | { ok: false; error: string } {
  const labels = [...new Set(text.split(/[\n,]/).map(norm).filter(Boolean))];
  if (labels.length === 0) return { ok: false, error: "Give at least one label, for example help wanted." };
  if (labels.length > MAX_HELP_WANTED_LABELS) return { ok: false, error: `At most ${MAX_HELP_WANTED_LABELS} labels.` };
  const long = labels.find((l) => l.length > 50);
  if (long) return { ok: false, error: `"${long.slice(0, 20)}…" is longer than GitHub's 50 characters.` };
  return { ok: true, labels };
}

type Kind = ItemKind;

// The first rule whose words appear in a label decides; the lead can change the kind before publishing.
const KIND_RULES: [Kind, RegExp][] = [
  ["event", /\b(event|kubecon|meetup|booth|conference|summit|workshop)s?\b/],
  ["review", /\b(review|assessment|audit|self-assessment|triage)s?\b/],
  ["content", /\b(doc|docs|documentation|blog|content|podcast|video|translation|writing|whitepaper|paper)s?\b/],
  ["project_liaison", /\b(project[- ]liaison|liaison)\b/],
  ["foundation_liaison", /\bfoundation\b/],
];

/** A sensible kind for a draft from the issue's labels, then its title; `other` when nothing says. */
export function kindFromIssue(labels: readonly string[], title: string): Kind {
  for (const text of [labels.map(norm).join(" | "), title.toLowerCase()]) {
    for (const [kind, re] of KIND_RULES) if (re.test(text)) return kind;
  }
  return "other";
}

const COMMUNITY = new Map<string, (typeof COMMUNITY_LABELS)[number]>([
  ...COMMUNITY_LABELS.map((l) => [l, l] as const),
  ["good-first-issue", "good first issue"],
  ["mentor-available", "mentor available"],
  ["difficulty/easy", "difficulty: easy"],
  ["difficulty/medium", "difficulty: medium"],
  ["difficulty/hard", "difficulty: hard"],
]);

/** The portal's community labels the issue already carries (GitHub spellings mapped to ours). */
export function communityLabelsFrom(labels: readonly string[]): (typeof COMMUNITY_LABELS)[number][] {
  return [
    ...new Set(
      labels.map((l) => COMMUNITY.get(norm(l))).filter((l): l is (typeof COMMUNITY_LABELS)[number] => Boolean(l)),
    ),
  ];
}

/** The canonical issue URL's lower-cased form: links typed by leads and GitHub's html_url compare equal. */
export const issueKey = (url: string) => url.trim().toLowerCase();

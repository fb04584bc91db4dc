/** Words for contribution kinds (the Prisma enum `ContributionKind`), singular and plural. */
const KIND_WORDS: Record<string, readonly [string, string]> = {
  pr: ["pull request", "pull requests"],
  issue: ["issue", "issues"],
  review: ["review", "reviews"],
  comment: ["comment", "comments"],
  talk: ["talk", "talks"],
  blog: ["blog post", "blog posts"],
  podcast: ["podcast", "podcasts"],
  assessment: ["assessment", "assessments"],
  meeting: ["meeting", "meetings"],
  event: ["event", "events"],
  mentoring: ["mentoring session", "mentoring sessions"],
  help_wanted: ["help-wanted item", "help-wanted items"],
};

/** "3 pull requests", "1 review": most frequent kinds first, then by name. */
export function describeContributionKinds(byKind: Partial<Record<string, number>>): string[] {
  return Object.entries(byKind)
    .filter((e): e is [string, number] => typeof e[1] === "number" && e[1] > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([kind, count]) => {
      const [one, many] = KIND_WORDS[kind] ?? [kind, kind];
      return `${count} ${count === 1 ? one : many}`;
    });
}

/** A date as "12 Mar 2026" in UTC (server-rendered, so the same for every viewer). */
export function formatDay(d: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    d,
  );
}

/**
 * Reads CLOMonitor's project list (`data/cncf.yaml` of cncf/clomonitor) into validated projects.
 * Pure: no I/O. The real file has comments between list items, folded multi-line descriptions,
 * quoted strings with trailing spaces, and entries without a display name, category, acceptance
 * date or maturity (Kubernetes subprojects and CNCF TAGs); all of those are accepted here.
 */
import { LineCounter, isSeq, parseDocument } from "yaml";
import { z } from "zod";
import { PROJECT_MATURITIES, type ProjectMaturityName } from "./schemas.ts";
import { isoDay } from "../vocabulary/index.ts";

/** One repository of a project, as stored in `Project.repositories` (a type alias, so it is JSON to Prisma). */
export type ProjectRepository = {
  name: string;
  url: string;
  checkSets: string[];
};

/** A project as the catalogue stores it; `maturity` is null where the file gives none. */
export interface ParsedProject {
  name: string;
  displayName: string;
  description: string;
  category: string;
  maturity: ProjectMaturityName | null;
  /** `YYYY-MM-DD`, or null. */
  acceptedAt: string | null;
  homeUrl: string | null;
  logoUrl: string | null;
  devstatsUrl: string | null;
  repositories: ProjectRepository[];
}

export interface EntryError {
  /** Position in the file's list, from 1. */
  entry: number;
  /** The entry's `name`, when it has a usable one. */
  name: string | null;
  line: number | null;
  message: string;
}

export interface ParseResult {
  projects: ParsedProject[];
  errors: EntryError[];
}

/** Trimmed text; null, blank and absent all mean "not given". Numbers are YAML's, not the author's. */
const optionalText = (max: number) =>
  z.preprocess(
    (v) => {
      if (v === null || v === undefined) return undefined;
      if (typeof v === "number") return String(v);
      if (typeof v === "string") return v.trim() === "" ? undefined : v.trim().replace(/\s+/g, " ");
      return v;
    },
    z.string().max(max, `must be at most ${max} characters`).optional(),
  );

// Rendered as links, so only http(s): a `javascript:` URL in the file must not reach an href.
const optionalUrl = optionalText(2000).pipe(
  z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
);

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDay(d) === s;
};

const acceptedAt = z.preprocess(
  // A YAML 1.1 reader would turn an unquoted date into a Date; keep the day it names.
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? isoDay(v) : v),
  optionalText(10).pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
      .refine(isRealDate, "is not a real calendar date")
      .optional(),
  ),
);

const RepositorySchema = z.object({
  name: optionalText(200).pipe(z.string({ error: "is required" })),
  url: optionalUrl.pipe(z.string({ error: "is required" })),
  check_sets: z.array(z.string().trim()).nullish(),
});

/** Project names become URL paths (`/projects/[name]`), so they are kept to slug characters. */
export const ProjectNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "may contain only letters, digits, '.', '_' and '-'");

const EntrySchema = z.object({
  name: ProjectNameSchema,
  display_name: optionalText(200),
  description: optionalText(2000),
  category: optionalText(100),
  maturity: optionalText(20).pipe(
    z
      .enum(PROJECT_MATURITIES, {
        error: (i) => `must be one of ${PROJECT_MATURITIES.join(", ")} (got ${JSON.stringify(i.input)})`,
      })
      .optional(),
  ),
  accepted_at: acceptedAt,
  home_url: optionalUrl,
  logo_url: optionalUrl,
  devstats_url: optionalUrl,
  repositories: z.array(RepositorySchema).nullish(),
});

function toProject(e: z.infer<typeof EntrySchema>): ParsedProject {
  return {
    name: e.name,
    displayName: e.display_name ?? e.name,
    description: e.description ?? "",
    category: e.category ?? "",
    maturity: e.maturity ?? null,
    acceptedAt: e.accepted_at ?? null,
    homeUrl: e.home_url ?? null,
    logoUrl: e.logo_url ?? null,
    devstatsUrl: e.devstats_url ?? null,
    repositories: (e.repositories ?? []).map((r) => ({
      name: r.name,
      url: r.url,
      checkSets: (r.check_sets ?? []).filter(Boolean),
    })),
  };
}

const describeIssue = (issue: z.core.$ZodIssue) => {
  const path = issue.path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
  const message = issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
  return path ? `${path} ${message}` : message;
};

/** "entry 3 (name: foo, line 12): maturity must be one of ...", or "file (line 2): not valid YAML: ..." */
export function formatEntryError(e: EntryError): string {
  const where = [e.name ? `name: ${e.name}` : null, e.line ? `line ${e.line}` : null].filter(Boolean).join(", ");
  return `${e.entry === 0 ? "file" : `entry ${e.entry}`}${where ? ` (${where})` : ""}: ${e.message}`;
}

/**
 * Parses and validates a CLOMonitor data file. Every bad entry is reported (by position, name and
 * line), not only the first; valid entries are returned either way, and callers that write decide
 * whether any error stops them. A file that is not YAML, or not a list, is one error at entry 0.
 */
export function parseClomonitor(text: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? null : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    return {
      projects: [],
      errors: [
        {
          entry: 0,
          name: null,
          line: lineAt(first.pos[0]),
          message: `not valid YAML: ${first.message.split("\n")[0]}`,
        },
      ],
    };
  }
  if (doc.contents === null) return { projects: [], errors: [] };
  if (!isSeq(doc.contents)) {
    return {
      projects: [],
      errors: [{ entry: 0, name: null, line: 1, message: "expected a list of projects at the top level" }],
    };
  }
  const items = doc.contents.items;
  const data = doc.toJS() as unknown[];
  const projects: ParsedProject[] = [];
  const errors: EntryError[] = [];
  const seen = new Map<string, number>();
  data.forEach((raw, i) => {
    const line = lineAt((items[i] as { range?: [number, number, number] } | undefined)?.range?.[0]);
    const rawName =
      raw && typeof raw === "object" && "name" in raw && typeof raw.name === "string" ? raw.name.trim() || null : null;
    const entry = i + 1;
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
      errors.push({
        entry,
        name: null,
        line,
        message: "expected a project (a map with name, maturity, repositories, ...)",
      });
      return;
    }
    const parsed = EntrySchema.safeParse(raw);
    if (!parsed.success) {
      errors.push({ entry, name: rawName, line, message: parsed.error.issues.map(describeIssue).join("; ") });
      return;
    }
    const project = toProject(parsed.data);
    const earlier = seen.get(project.name);
    if (earlier !== undefined) {
      errors.push({
        entry,
        name: project.name,
        line,
        message: `the name ${project.name} is also used by entry ${earlier}`,
      });
      return;
    }
    seen.set(project.name, entry);
    projects.push(project);
  });
  return { projects, errors };
}

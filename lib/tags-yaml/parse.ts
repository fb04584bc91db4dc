/**
 * Reads the TOC's `tags.yaml` (cncf/toc) into TAGs, subprojects and seats. Pure: no I/O.
 * The real file has commented-out blocks, empty fields (`lfx_id:`), folded and literal mission
 * statements, trailing spaces after values, and TOC subprojects whose chairs have no login; all of
 * those are accepted. A malformed entry (a missing `dir` or `name`, a bad login, a date that is
 * not YYYY-MM-DD, a term that ends before it starts) is an error naming its line.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from "yaml";
import { isoDay } from "../vocabulary/index.ts";

/** A chair, tech lead or subproject lead as the file lists them. */
export interface TagsYamlPerson {
  /** The GitHub login as written (identity comes later, from GitHub's numeric id). */
  login: string;
  name: string | null;
  company: string | null;
  /** `YYYY-MM-DD`, or null when the entry has no term. */
  start: string | null;
  end: string | null;
  line: number;
}

export interface TagsYamlSubproject {
  slug: string;
  name: string;
  mission: string;
  leads: TagsYamlPerson[];
  line: number;
}

export interface TagsYamlTag {
  dir: string;
  /** `dir` without its `tag-` prefix (DESIGN.md: TAG slug). */
  slug: string;
  name: string;
  mission: string;
  slackChannel: string | null;
  mailingList: string | null;
  /** A text summary of the `meetings` list (the portal shows it; export leaves the list alone). */
  meetings: string;
  tocLiaisons: string[];
  chairs: TagsYamlPerson[];
  techLeads: TagsYamlPerson[];
  subprojects: TagsYamlSubproject[];
  line: number;
}

/** A `toc_subprojects` entry: read and checked, but not imported (see plan.ts). */
export interface TagsYamlTocSubproject {
  dir: string;
  name: string;
  line: number;
}

export interface TagsYamlNote {
  line: number;
  message: string;
}

export interface TagsYamlFile {
  tags: TagsYamlTag[];
  tocSubprojects: TagsYamlTocSubproject[];
  /** Entries skipped on purpose (a leader without a login): reported, never guessed. */
  warnings: TagsYamlNote[];
}

export type ParseTagsYamlResult = { ok: true; file: TagsYamlFile } | { ok: false; errors: TagsYamlNote[] };

/** GitHub's login rule: 1-39 letters, digits or single hyphens, not starting with a hyphen. */
export const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const DIR = /^[a-z0-9][a-z0-9-]*$/;

/** The TAG slug for a `dir`: `tag-security-and-compliance` -> `security-and-compliance`. */
export const slugOfDir = (dir: string): string => dir.replace(/^tag-/, "");

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDay(d) === s;
};

/** `e` formatted for people: "line 12: tags[2] (tag-x) chairs[1].term.end ...". */
export const formatNote = (n: TagsYamlNote): string => `line ${n.line}: ${n.message}`;

/** Parses and validates a tags.yaml text; every malformed entry is reported, not only the first. */
export function parseTagsYaml(text: string): ParseTagsYamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const lineOf = (node: Node | null | undefined, fallback = 1) => (node?.range ? lineAt(node.range[0]) : fallback);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        line: lineAt(e.pos[0]),
        message: `not valid YAML: ${e.message.split("\n")[0]}`,
      })),
    };
  }
  const errors: TagsYamlNote[] = [];
  const warnings: TagsYamlNote[] = [];
  const root = doc.contents;
  if (!isMap(root))
    return { ok: false, errors: [{ line: 1, message: "expected a map with `tags:` at the top level" }] };

  /** A scalar field as trimmed text; null when absent or empty. Maps and lists are errors. */
  const text_ = (map: YAMLMap, key: string, where: string, line: number): string | null => {
    const node = map.get(key, true) as Node | undefined;
    if (node === undefined || node === null) return null;
    if (!isScalar(node)) {
      errors.push({ line: lineOf(node, line), message: `${where}.${key} must be a single value` });
      return null;
    }
    if (node.value === null || node.value === undefined) return null;
    if (typeof node.value === "object") {
      errors.push({ line: lineOf(node, line), message: `${where}.${key} must be text` });
      return null;
    }
    const s = String(node.value).trim();
    return s === "" ? null : s;
  };

  const mapAt = (map: YAMLMap, key: string, where: string, line: number): YAMLMap | null => {
    const node = map.get(key, true) as Node | undefined;
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) return null;
    if (!isMap(node)) {
      errors.push({ line: lineOf(node, line), message: `${where}.${key} must be a map` });
      return null;
    }
    return node;
  };

  /** List items of `key`; null/absent is an empty list. */
  const seqAt = (map: YAMLMap, key: string, where: string, line: number): Node[] => {
    const node = map.get(key, true) as Node | undefined;
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      errors.push({ line: lineOf(node, line), message: `${where}.${key} must be a list` });
      return [];
    }
    return node.items as Node[];
  };

  const date = (map: YAMLMap | null, key: "start" | "end", where: string, line: number): string | null => {
    if (!map) return null;
    const v = text_(map, key, where, line);
    if (v === null) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !isRealDate(v)) {
      errors.push({
        line: lineOf(map.get(key, true) as Node, line),
        message: `${where}.${key} ${JSON.stringify(v)} is not a date written YYYY-MM-DD`,
      });
      return null;
    }
    return v;
  };

  const people = (map: YAMLMap, key: string, where: string, line: number): TagsYamlPerson[] => {
    const out: TagsYamlPerson[] = [];
    const seen = new Map<string, number>();
    seqAt(map, key, where, line).forEach((item, i) => {
      const at = `${where}.${key}[${i + 1}]`;
      const itemLine = lineOf(item, line);
      if (!isMap(item)) {
        errors.push({ line: itemLine, message: `${at} must be a map with github, name, term` });
        return;
      }
      const login = text_(item, "github", at, itemLine);
      if (login === null) {
        warnings.push({ line: itemLine, message: `${at} has no GitHub login; skipped` });
        return;
      }
      if (!GITHUB_LOGIN.test(login)) {
        errors.push({ line: itemLine, message: `${at}.github ${JSON.stringify(login)} is not a GitHub login` });
        return;
      }
      const earlier = seen.get(login.toLowerCase());
      if (earlier !== undefined) {
        errors.push({ line: itemLine, message: `${at}: ${login} is listed twice (also line ${earlier})` });
        return;
      }
      seen.set(login.toLowerCase(), itemLine);
      const term = mapAt(item, "term", at, itemLine);
      const start = date(term, "start", `${at}.term`, itemLine);
      const end = date(term, "end", `${at}.term`, itemLine);
      if (start && end && end < start)
        errors.push({ line: itemLine, message: `${at}.term ends (${end}) before it starts (${start})` });
      out.push({
        login,
        name: text_(item, "name", at, itemLine),
        company: text_(item, "company", at, itemLine),
        start,
        end,
        line: itemLine,
      });
    });
    return out;
  };

  const meetingsSummary = (map: YAMLMap, where: string, line: number): string =>
    seqAt(map, "meetings", where, line)
      .map((m) => {
        if (!isMap(m)) return "";
        const js = m.toJSON() as Record<string, unknown>;
        const head = [js.description, js.schedule]
          .filter((v) => typeof v === "string" && v.trim())
          .map((v) => String(v).trim());
        const rest = Object.entries(js)
          .filter(
            ([k, v]) =>
              k !== "description" &&
              k !== "schedule" &&
              v !== null &&
              v !== undefined &&
              typeof v !== "object" &&
              String(v).trim(),
          )
          .map(([k, v]) => `${k.replace(/_/g, " ")}: ${String(v).trim()}`);
        return [...head, ...rest].join("\n");
      })
      .filter(Boolean)
      .join("\n\n");

  const tagsNode = root.get("tags", true) as Node | undefined;
  if (!isSeq(tagsNode)) {
    return { ok: false, errors: [{ line: lineOf(tagsNode), message: "expected `tags:` to be a list of TAGs" }] };
  }
  const tags: TagsYamlTag[] = [];
  const dirs = new Map<string, number>();
  (tagsNode.items as Node[]).forEach((item, i) => {
    const at = `tags[${i + 1}]`;
    const line = lineOf(item);
    if (!isMap(item)) {
      errors.push({ line, message: `${at} must be a map with dir, name, leadership, ...` });
      return;
    }
    const dir = text_(item, "dir", at, line);
    const where = dir ? `${at} (${dir})` : at;
    const name = text_(item, "name", where, line);
    if (!dir) errors.push({ line, message: `${at}.dir is required` });
    else if (!DIR.test(dir))
      errors.push({
        line,
        message: `${at}.dir ${JSON.stringify(dir)} may contain only lowercase letters, digits and '-'`,
      });
    else if (dirs.has(slugOfDir(dir)))
      errors.push({ line, message: `${where}: the dir is also used on line ${dirs.get(slugOfDir(dir))}` });
    if (!name) errors.push({ line, message: `${where}.name is required` });
    if (dir) dirs.set(slugOfDir(dir), line);
    const leadership = mapAt(item, "leadership", where, line);
    const contact = mapAt(item, "contact", where, line);
    const subprojects: TagsYamlSubproject[] = [];
    const subDirs = new Map<string, number>();
    seqAt(item, "tag_subprojects", where, line).forEach((sub, j) => {
      const sat = `${where}.tag_subprojects[${j + 1}]`;
      const sline = lineOf(sub, line);
      if (!isMap(sub)) {
        errors.push({ line: sline, message: `${sat} must be a map with dir, name, leadership, ...` });
        return;
      }
      const sdir = text_(sub, "dir", sat, sline);
      const sname = text_(sub, "name", sat, sline);
      if (!sdir) errors.push({ line: sline, message: `${sat}.dir is required` });
      else if (!DIR.test(sdir))
        errors.push({
          line: sline,
          message: `${sat}.dir ${JSON.stringify(sdir)} may contain only lowercase letters, digits and '-'`,
        });
      else if (subDirs.has(sdir))
        errors.push({ line: sline, message: `${sat}: the dir is also used on line ${subDirs.get(sdir)}` });
      if (!sname) errors.push({ line: sline, message: `${sat}.name is required` });
      if (sdir) subDirs.set(sdir, sline);
      const sleadership = mapAt(sub, "leadership", sat, sline);
      const leads = sleadership ? people(sleadership, "subproject_leads", `${sat}.leadership`, sline) : [];
      if (sdir && sname)
        subprojects.push({
          slug: sdir,
          name: sname,
          mission: text_(sub, "mission_statement", sat, sline) ?? "",
          leads,
          line: sline,
        });
    });
    const chairs = leadership ? people(leadership, "chairs", `${where}.leadership`, line) : [];
    const techLeads = leadership ? people(leadership, "tech_leads", `${where}.leadership`, line) : [];
    const tocLiaisons = contact ? people(contact, "toc_liaison", `${where}.contact`, line).map((p) => p.login) : [];
    if (dir && name) {
      tags.push({
        dir,
        slug: slugOfDir(dir),
        name,
        mission: text_(item, "mission_statement", where, line) ?? "",
        slackChannel: contact ? text_(contact, "slack", `${where}.contact`, line) : null,
        mailingList: contact ? text_(contact, "mailing_list", `${where}.contact`, line) : null,
        meetings: meetingsSummary(item, where, line),
        tocLiaisons,
        chairs,
        techLeads,
        subprojects,
        line,
      });
    }
  });

  const tocSubprojects: TagsYamlTocSubproject[] = [];
  seqAt(root, "toc_subprojects", "file", 1).forEach((item, i) => {
    const at = `toc_subprojects[${i + 1}]`;
    const line = lineOf(item);
    if (!isMap(item)) {
      errors.push({ line, message: `${at} must be a map with dir, name, ...` });
      return;
    }
    const dir = text_(item, "dir", at, line);
    const name = text_(item, "name", at, line);
    if (!dir || !name) {
      errors.push({ line, message: `${at} needs a dir and a name` });
      return;
    }
    // Checked like a TAG's leaders so that a malformed entry is still named, though none is imported.
    const leadership = mapAt(item, "leadership", at, line);
    if (leadership) {
      people(leadership, "chairs", `${at}.leadership`, line);
      people(leadership, "tech_leads", `${at}.leadership`, line);
    }
    tocSubprojects.push({ dir, name, line });
  });

  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, file: { tags, tocSubprojects, warnings } };
}

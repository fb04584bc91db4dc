/**
 * Writes the portal's TAGs and rosters back into a tags.yaml text. Pure: no I/O.
 *
 * The import keeps the file's text, and export edits that text: it locates values through the
 * parsed document's source ranges and splices only the scalars and list items that differ. The
 * `yaml` Document API would re-render the whole file (and moves a comment of the real file);
 * splicing leaves every other byte alone, so an unchanged portal exports the very bytes it
 * imported, and a change in the portal is a small diff for a pull request to cncf/toc.
 *
 * What export writes: TAG name, mission, Slack channel, mailing list, TOC liaisons, chairs and
 * tech leads (term start/end), subprojects (name, mission) and their leads; new TAGs and
 * subprojects are appended. It leaves alone: meetings, labels, charter links, initiatives,
 * `toc_subprojects`, names/companies of people already listed, and entries for people the portal
 * does not know (an import that could not resolve a login must not drop that person).
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, Scalar, type Node, type YAMLMap, type YAMLSeq } from "yaml";
import { slugOfDir, type TagsYamlFile, type TagsYamlPerson } from "./parse.ts";

export interface ExportPerson {
  login: string;
  name: string | null;
  company: string | null;
  /** `YYYY-MM-DD` or null. */
  start: string | null;
  end: string | null;
}

/** One roster list (a TAG's chairs, its tech leads, or a subproject's leads). */
export interface ExportSeatList {
  /** Current holders (active or on leave), in the portal's order. */
  current: ExportPerson[];
  /** Logins whose seat in this list ended in the portal (and who hold no current one). */
  ended: string[];
}

export interface ExportTag {
  slug: string;
  name: string;
  mission: string;
  slackChannel: string | null;
  mailingList: string | null;
  tocLiaisons: { login: string; name: string | null }[];
  chairs: ExportSeatList;
  techLeads: ExportSeatList;
  subprojects: { slug: string; name: string; mission: string; leads: ExportSeatList }[];
}

export interface ExportState {
  tags: ExportTag[];
}

const toPerson = (p: TagsYamlPerson): ExportPerson => ({
  login: p.login,
  name: p.name,
  company: p.company,
  start: p.start,
  end: p.end,
});

/** The portal's state right after importing `file` (with every login resolved): export of it gives the file back. */
export function exportStateFromFile(file: TagsYamlFile): ExportState {
  return {
    tags: file.tags.map((t) => ({
      slug: t.slug,
      name: t.name,
      mission: t.mission,
      slackChannel: t.slackChannel,
      mailingList: t.mailingList,
      tocLiaisons: t.tocLiaisons.map((login) => ({ login, name: null })),
      chairs: { current: t.chairs.map(toPerson), ended: [] },
      techLeads: { current: t.techLeads.map(toPerson), ended: [] },
      subprojects: t.subprojects.map((s) => ({
        slug: s.slug,
        name: s.name,
        mission: s.mission,
        leads: { current: s.leads.map(toPerson), ended: [] },
      })),
    })),
  };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const normal = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === "" ? null : s;
};

/** A single-line value as the file writes it: plain when YAML reads it back unchanged, else double-quoted. */
function inlineValue(value: string, style?: Scalar.Type | null): string {
  if (style === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (style === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  return stringify(value) === `${value}\n` ? value : JSON.stringify(value);
}

const dateValue = (d: string) => JSON.stringify(d);

/** `key: value` lines (relative indentation) for a value that may span lines. */
function keyValueLines(key: string, value: string | null, opts: { quote?: boolean } = {}): string[] {
  if (value === null) return [`${key}:`];
  if (value.includes("\n")) return [`${key}: |`, ...value.split("\n").map((l) => (l === "" ? "" : `  ${l}`))];
  return [`${key}: ${opts.quote ? JSON.stringify(value) : inlineValue(value)}`];
}

const indentLines = (lines: string[], n: number) => lines.map((l) => (l === "" ? "" : " ".repeat(n) + l));

function personLines(p: ExportPerson, withTerm: boolean): string[] {
  const lines = [
    `- github: ${p.login}`,
    "  lfx_id:",
    ...indentLines(keyValueLines("name", p.name), 2),
    ...indentLines(keyValueLines("company", p.company), 2),
    "  email:",
  ];
  if (withTerm || p.start || p.end) lines.push(...indentLines(termLines(p), 2));
  return lines;
}

function termLines(p: ExportPerson): string[] {
  return [
    "term:",
    p.start ? `  start: ${dateValue(p.start)}` : "  start:",
    p.end ? `  end: ${dateValue(p.end)}` : "  end:",
  ];
}

const liaisonLines = (l: { login: string; name: string | null }) => [
  `- github: ${l.login}`,
  ...(l.name ? indentLines(keyValueLines("name", l.name), 2) : []),
];

function subprojectLines(s: ExportTag["subprojects"][number]): string[] {
  const lines = [
    `- dir: ${s.slug}`,
    ...indentLines(keyValueLines("name", s.name), 2),
    ...indentLines(keyValueLines("mission_statement", s.mission || null), 2),
  ];
  if (s.leads.current.length > 0)
    lines.push(
      "  leadership:",
      "    subproject_leads:",
      ...indentLines(
        s.leads.current.flatMap((p) => personLines(p, false)),
        6,
      ),
    );
  return lines;
}

function tagLines(t: ExportTag): string[] {
  const lines = [
    `- dir: tag-${t.slug}`,
    ...indentLines(keyValueLines("name", t.name), 2),
    ...indentLines(keyValueLines("mission_statement", t.mission || null), 2),
    `  label: tag-${t.slug}`,
  ];
  lines.push("  leadership:");
  lines.push(
    "    chairs:",
    ...indentLines(
      t.chairs.current.flatMap((p) => personLines(p, true)),
      6,
    ),
  );
  lines.push(
    "    tech_leads:",
    ...indentLines(
      t.techLeads.current.flatMap((p) => personLines(p, true)),
      6,
    ),
  );
  lines.push(
    "  contact:",
    ...indentLines(keyValueLines("slack", t.slackChannel), 4),
    ...indentLines(keyValueLines("mailing_list", t.mailingList), 4),
  );
  if (t.tocLiaisons.length > 0) lines.push("    toc_liaison:", ...indentLines(t.tocLiaisons.flatMap(liaisonLines), 6));
  if (t.subprojects.length > 0)
    lines.push("  tag_subprojects:", ...indentLines(t.subprojects.flatMap(subprojectLines), 4));
  return lines;
}

/**
 * Edits `source` (a tags.yaml text, as last imported) so that it says what `state` says.
 * Returns `source` itself when nothing differs. An empty source starts from `tags:`.
 */
export function exportTagsYaml(source: string, state: ExportState): string {
  const text = source.trim() === "" ? "tags:\n" : source;
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0)
    throw new Error(`The stored tags.yaml is not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  const root = doc.contents;
  if (!isMap(root)) throw new Error("The stored tags.yaml has no `tags:` map at the top level.");
  const edits: Edit[] = [];

  const lineStart = (pos: number) => text.lastIndexOf("\n", pos - 1) + 1;
  /** The position just after the line that holds `pos` (past trailing spaces and a comment). */
  const afterLine = (pos: number) => {
    if (pos > 0 && text[pos - 1] === "\n") return pos;
    const nl = text.indexOf("\n", pos);
    return nl < 0 ? text.length : nl + 1;
  };
  const insertLines = (pos: number, lines: string[], indent: number) => {
    const body = indentLines(lines, indent).join("\n") + "\n";
    edits.push({ start: pos, end: pos, text: pos === text.length && !text.endsWith("\n") ? `\n${body}` : body });
  };
  const column = (pos: number) => pos - lineStart(pos);
  const keyIndent = (map: YAMLMap) => {
    const first = map.items[0]?.key as Node | undefined;
    return first?.range ? column(first.range[0]) : 0;
  };
  const mapEnd = (map: YAMLMap) => afterLine(map.range![1]);
  const child = (map: YAMLMap, key: string) => map.get(key, true) as Node | undefined;
  const isEmpty = (n: Node | undefined) =>
    n === undefined || (isScalar(n) && (n.value === null || n.value === undefined || n.value === ""));

  /** Makes `map[key]` say `value` (null: empty), touching only that scalar's bytes. */
  const setScalar = (map: YAMLMap, key: string, value: string | null, opts: { date?: boolean } = {}) => {
    const node = child(map, key);
    const current = node && isScalar(node) ? normal(node.value) : undefined;
    if (current === value || (current === undefined && value === null)) return;
    if (node === undefined) {
      const lines = opts.date && value ? [`${key}: ${dateValue(value)}`] : keyValueLines(key, value);
      insertLines(mapEnd(map), lines, keyIndent(map));
      return;
    }
    if (!isScalar(node) || !node.range) return; // not ours to rewrite (a map or list where a value was expected)
    const end = node.range[1];
    let start = node.range[0];
    if (value === null) {
      while (start > 0 && text[start - 1] === " ") start--;
      edits.push({
        start,
        end: node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL ? end - 1 : end,
        text: "",
      });
      return;
    }
    const pad = start > 0 && text[start - 1] === ":" ? " " : "";
    const block = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
    if (value.includes("\n") || (block && current !== null)) {
      const ind = " ".repeat(column((map.items[0]?.key as Node).range![0]) + 2);
      const header = !value.includes("\n") && node.type === Scalar.BLOCK_FOLDED ? ">" : "|";
      const body = value
        .split("\n")
        .map((l) => (l === "" ? "" : ind + l))
        .join("\n");
      edits.push({ start, end, text: `${pad}${header}\n${body}${block ? "\n" : ""}` });
      return;
    }
    edits.push({
      start,
      end,
      text: pad + (opts.date ? dateValue(value) : inlineValue(value, current === null ? null : node.type)),
    });
  };

  const loginOf = (item: Node) => (isMap(item) ? normal(item.get("github")) : null);

  /**
   * Brings one list of people (`map[key]`) in line with `list`: terms of listed people follow the
   * portal, people whose seat ended are removed, new holders are appended in the file's shape.
   * `missing` is called with the lines to add when `map` has no such key yet.
   */
  const syncPeople = (
    map: YAMLMap,
    key: string,
    list: ExportSeatList,
    render: (p: ExportPerson) => string[],
    withTerms: boolean,
  ) => {
    const node = child(map, key);
    const seq = isSeq(node) ? (node as YAMLSeq<Node>) : null;
    const items = seq ? seq.items.filter((i): i is YAMLMap => isMap(i)) : [];
    const current = new Map(list.current.map((p) => [p.login.toLowerCase(), p]));
    const ended = new Set(list.ended.map((l) => l.toLowerCase()));
    const inFile = new Set<string>();
    for (const item of items) {
      const login = loginOf(item)?.toLowerCase();
      if (!login) continue;
      inFile.add(login);
      const p = current.get(login);
      if (p && withTerms) {
        const term = child(item, "term");
        if (isMap(term)) {
          if (p.start) setScalar(term, "start", p.start, { date: true });
          if (p.end) setScalar(term, "end", p.end, { date: true });
        } else if ((p.start || p.end) && isEmpty(term)) {
          if (term === undefined) insertLines(mapEnd(item), termLines(p), keyIndent(item));
          else insertLines(afterLine(term.range![1]), termLines(p).slice(1), keyIndent(item) + 2);
        }
      } else if (!p && ended.has(login)) {
        edits.push({ start: lineStart(item.range![0]), end: afterLine(item.range![1]), text: "" });
      }
    }
    const added = list.current.filter((p) => !inFile.has(p.login.toLowerCase())).flatMap(render);
    if (added.length === 0) return;
    const last = items.at(-1);
    if (last) insertLines(afterLine(last.range![1]), added, column(last.range![0]) - 2);
    else if (node !== undefined && isEmpty(node))
      insertLines(
        afterLine(node.range?.[1] ?? (map.items.find((p) => (p.key as Scalar).value === key)!.key as Node).range![1]),
        added,
        keyIndent(map) + 2,
      );
    else if (node === undefined) insertLines(mapEnd(map), [`${key}:`, ...indentLines(added, 2)], keyIndent(map));
  };

  /**
   * Brings the file's entries (TAGs, or a TAG's subprojects) in line with `wanted`: an entry the
   * file has gets its name and mission, then `update`; the lines of those it lacks are returned.
   */
  const syncEntries = <T extends { slug: string; name: string; mission: string }>(
    wanted: readonly T[],
    inFile: ReadonlyMap<string, YAMLMap>,
    linesOf: (x: T) => string[],
    update: (map: YAMLMap, x: T) => void,
  ): string[] =>
    wanted.flatMap((x) => {
      const map = inFile.get(x.slug);
      if (!map) return linesOf(x);
      setScalar(map, "name", x.name);
      setScalar(map, "mission_statement", x.mission || null);
      update(map, x);
      return [];
    });

  const tagsNode = child(root, "tags");
  const fileTags = isSeq(tagsNode) ? (tagsNode.items as Node[]).filter((i): i is YAMLMap => isMap(i)) : [];
  const bySlug = new Map<string, YAMLMap>();
  for (const item of fileTags) {
    const dir = normal(item.get("dir"));
    if (dir) bySlug.set(slugOfDir(dir), item);
  }

  const newTags = syncEntries(state.tags, bySlug, tagLines, (map, t) => {
    const contact = child(map, "contact");
    if (isMap(contact)) {
      setScalar(contact, "slack", t.slackChannel);
      setScalar(contact, "mailing_list", t.mailingList);
      const fileLiaisons = isSeq(child(contact, "toc_liaison"))
        ? ((child(contact, "toc_liaison") as YAMLSeq<Node>).items.map(loginOf).filter(Boolean) as string[])
        : [];
      const keep = new Set(t.tocLiaisons.map((l) => l.login.toLowerCase()));
      syncPeople(
        contact,
        "toc_liaison",
        {
          current: t.tocLiaisons.map((l) => ({ login: l.login, name: l.name, company: null, start: null, end: null })),
          ended: fileLiaisons.filter((l) => !keep.has(l.toLowerCase())),
        },
        liaisonLines,
        false,
      );
    } else if (t.slackChannel || t.mailingList || t.tocLiaisons.length > 0) {
      const lines = [
        "contact:",
        ...indentLines(keyValueLines("slack", t.slackChannel), 2),
        ...indentLines(keyValueLines("mailing_list", t.mailingList), 2),
      ];
      if (t.tocLiaisons.length > 0)
        lines.push("  toc_liaison:", ...indentLines(t.tocLiaisons.flatMap(liaisonLines), 4));
      insertLines(mapEnd(map), lines, keyIndent(map));
    }
    const leadership = child(map, "leadership");
    if (isMap(leadership)) {
      syncPeople(leadership, "chairs", t.chairs, (p) => personLines(p, true), true);
      syncPeople(leadership, "tech_leads", t.techLeads, (p) => personLines(p, true), true);
    } else if (t.chairs.current.length + t.techLeads.current.length > 0) {
      insertLines(
        mapEnd(map),
        [
          "leadership:",
          "  chairs:",
          ...indentLines(
            t.chairs.current.flatMap((p) => personLines(p, true)),
            4,
          ),
          "  tech_leads:",
          ...indentLines(
            t.techLeads.current.flatMap((p) => personLines(p, true)),
            4,
          ),
        ],
        keyIndent(map),
      );
    }
    const subsNode = child(map, "tag_subprojects");
    const fileSubs = new Map<string, YAMLMap>();
    if (isSeq(subsNode)) {
      for (const s of subsNode.items as Node[])
        if (isMap(s) && normal(s.get("dir"))) fileSubs.set(normal(s.get("dir"))!, s);
    }
    const newSubs = syncEntries(t.subprojects, fileSubs, subprojectLines, (sm, s) => {
      const sl = child(sm, "leadership");
      if (isMap(sl)) syncPeople(sl, "subproject_leads", s.leads, (p) => personLines(p, false), true);
      else if (s.leads.current.length > 0) {
        insertLines(
          mapEnd(sm),
          [
            "leadership:",
            "  subproject_leads:",
            ...indentLines(
              s.leads.current.flatMap((p) => personLines(p, false)),
              4,
            ),
          ],
          keyIndent(sm),
        );
      }
    });
    if (newSubs.length > 0) {
      const last = isSeq(subsNode) ? (subsNode.items as Node[]).at(-1) : undefined;
      if (last?.range) insertLines(afterLine(last.range[1]), newSubs, column(last.range[0]) - 2);
      else insertLines(mapEnd(map), ["tag_subprojects:", ...indentLines(newSubs, 2)], keyIndent(map));
    }
  });

  if (newTags.length > 0) {
    const last = fileTags.at(-1);
    if (last) insertLines(afterLine(last.range![1]), newTags, column(last.range![0]) - 2);
    else {
      const key = root.items.find((p) => (p.key as Scalar).value === "tags")?.key as Node | undefined;
      if (key?.range)
        insertLines(afterLine(isEmpty(tagsNode) && tagsNode?.range ? tagsNode.range[1] : key.range[1]), newTags, 2);
      else insertLines(text.length, ["tags:", ...indentLines(newTags, 2)], 0);
    }
  }

  if (edits.length === 0) return source;
  // From the end backwards, so earlier offsets stay valid; at one position a removal goes before an insertion.
  // Two insertions at one position keep the order they were made in.
  const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  for (const e of ordered) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

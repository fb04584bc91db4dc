/**
 * What importing a tags.yaml would change: a pure diff of the parsed file against the portal's
 * current state and the logins GitHub resolved. No I/O; `apply.ts` reads the state, resolves
 * logins, and writes the plan in one transaction.
 *
 * Choices (issue 5, part 7):
 * - Seats are matched by TAG + GitHub id + kind (+ subproject) among current seats (pending,
 *   active, on leave) and kept; only their term dates follow the file. A file without a term
 *   date leaves the portal's date alone.
 * - The TOC's own file (fetched from cncf/toc, `fromRecord`) is the TOC's record: its new seats
 *   are held at once and confirm pending ones. Any other file (pasted, edited, a local copy)
 *   proposes: its new seats are pending a TOC decision, and it changes no term and ends no seat.
 * - Current seats the file no longer lists are reported as "would end"; they end only when the
 *   caller asks (`--end-missing`), because a hand-kept file that lags behind the portal must not
 *   silently end seats. A seat whose holder's login is unresolved in the same list is kept.
 * - `toc_subprojects` are not imported: the portal models TAGs, and a TOC subproject has no TAG
 *   to hang on (its leaders are CNCF staff or TOC members). They are named in the report, and
 *   export leaves their text untouched.
 */
import type { ResolvedLogin } from "../auth/github-logins.ts";
import type { TagsYamlFile, TagsYamlPerson, TagsYamlSubproject, TagsYamlTag } from "./parse.ts";

export type SeatKind = "chair" | "tech_lead" | "subproject_lead";

/** A TAG's fields as the file gives them, and the portal keeps them. */
export interface TagFields extends Pick<
  TagsYamlTag,
  "name" | "mission" | "slackChannel" | "mailingList" | "meetings" | "tocLiaisons"
> {
  /** GitHub ids of the TOC liaisons (decimal), in the order of `tocLiaisons`; "0" for a login GitHub did not resolve. */
  tocLiaisonIds: string[];
}

/** The fields the portal keeps of a file's TAG, with its liaisons' GitHub ids as resolved. */
export function tagFieldsOf(t: TagsYamlTag, tocLiaisonIds: string[]): TagFields {
  const { name, mission, slackChannel, mailingList, meetings, tocLiaisons } = t;
  return { name, mission, slackChannel, mailingList, meetings, tocLiaisons, tocLiaisonIds };
}

export type SubprojectFields = Pick<TagsYamlSubproject, "name" | "mission">;

/** The portal's state, as far as an import touches it. GitHub ids are decimal strings. */
export interface PortalSnapshot {
  tags: ({ id: string; slug: string } & TagFields)[];
  subprojects: ({ id: string; tagSlug: string; slug: string } & SubprojectFields)[];
  /** Current seats only (pending, active, on leave) of the three kinds tags.yaml lists. */
  seats: {
    id: string;
    tagSlug: string;
    subprojectSlug: string | null;
    kind: SeatKind;
    githubId: string;
    login: string;
    /** `YYYY-MM-DD` or null. */
    startAt: string | null;
    termEndAt: string | null;
    /** Awaiting a TOC decision. */
    pending?: boolean;
  }[];
  /** GitHub ids of people the portal already has (claimed or placeholder). */
  knownGithubIds: string[];
}

/** Lower-cased login -> GitHub's answer; `{ error }` when GitHub does not know it or could not be asked. */
export type Resolutions = ReadonlyMap<string, ResolvedLogin | { error: string }>;

interface SeatRef {
  tagSlug: string;
  subprojectSlug: string | null;
  kind: SeatKind;
  login: string;
}

export type TagsImportChange =
  | { type: "tag.create"; slug: string; after: TagFields }
  | { type: "tag.update"; slug: string; before: Partial<TagFields>; after: Partial<TagFields> }
  | { type: "subproject.create"; tagSlug: string; slug: string; after: SubprojectFields }
  | {
      type: "subproject.update";
      tagSlug: string;
      slug: string;
      before: Partial<SubprojectFields>;
      after: Partial<SubprojectFields>;
    }
  | { type: "user.placeholder"; githubId: string; login: string; name: string | null }
  | ({
      type: "seat.create";
      githubId: string;
      startAt: string | null;
      termEndAt: string | null;
      /** Held at once (the TOC's record) or pending a TOC decision (any other file). */
      pending: boolean;
    } & SeatRef)
  | ({ type: "seat.confirm"; seatId: string } & SeatRef)
  | ({
      type: "seat.update";
      seatId: string;
      before: { startAt: string | null; termEndAt: string | null };
      after: { startAt: string | null; termEndAt: string | null };
    } & SeatRef)
  | ({ type: "seat.end"; seatId: string } & SeatRef);

export interface TagsImportPlan {
  changes: TagsImportChange[];
  unresolved: { login: string; line: number; where: string; reason: string }[];
  /** Current seats the file does not list (ended only with `endMissing`). */
  missing: ({ seatId: string } & SeatRef)[];
  /** Report lines: skipped entries and why. */
  notes: string[];
}

const KIND_KEY: Record<SeatKind, string> = {
  chair: "chairs",
  tech_lead: "tech_leads",
  subproject_lead: "subproject_leads",
};

const seatKey = (tagSlug: string, subprojectSlug: string | null, kind: SeatKind, githubId: string) =>
  `${tagSlug}\u0000${subprojectSlug ?? ""}\u0000${kind}\u0000${githubId}`;
const listKey = (tagSlug: string, subprojectSlug: string | null, kind: SeatKind) =>
  `${tagSlug}\u0000${subprojectSlug ?? ""}\u0000${kind}`;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Every login the file's seats and TOC liaisons name, for resolving to GitHub ids before planning. */
export function seatLogins(file: TagsYamlFile): string[] {
  const out = new Set<string>();
  for (const t of file.tags) {
    for (const p of [...t.chairs, ...t.techLeads, ...t.subprojects.flatMap((s) => s.leads)]) out.add(p.login);
    for (const l of t.tocLiaisons) out.add(l);
  }
  return [...out];
}

/**
 * Diffs the file against the portal. `endMissing`: end current seats the file no longer lists.
 * `fromRecord`: the file is the TOC's own, fetched from cncf/toc (see the header).
 */
export function planTagsImport(
  file: TagsYamlFile,
  portal: PortalSnapshot,
  resolutions: Resolutions,
  opts: { endMissing?: boolean; fromRecord?: boolean } = {},
): TagsImportPlan {
  const record = opts.fromRecord ?? false;
  const changes: TagsImportChange[] = [];
  const unresolved: TagsImportPlan["unresolved"] = [];
  const notes = file.warnings.map((w) => `line ${w.line}: ${w.message}`);
  const tagsBySlug = new Map(portal.tags.map((t) => [t.slug, t]));
  const subsByKey = new Map(portal.subprojects.map((s) => [`${s.tagSlug}\u0000${s.slug}`, s]));
  const seatsByKey = new Map(portal.seats.map((s) => [seatKey(s.tagSlug, s.subprojectSlug, s.kind, s.githubId), s]));
  const known = new Set(portal.knownGithubIds);
  const listed = new Set<string>();
  /** Lists (tag, subproject, kind) with unresolved logins: lower-cased logins in each. */
  const unresolvedIn = new Map<string, Set<string>>();

  for (const t of file.tags) {
    // A liaison is a person: kept by GitHub id (a renamed login still names the same TOC member).
    const after = tagFieldsOf(
      t,
      t.tocLiaisons.map((l) => {
        const r = resolutions.get(l.toLowerCase());
        if (r && "githubId" in r) return r.githubId;
        notes.push(`TOC liaison @${l} of ${t.dir}: ${r?.error ?? "not looked up"}; kept by login only`);
        return "0";
      }),
    );
    const current = tagsBySlug.get(t.slug);
    if (!current) changes.push({ type: "tag.create", slug: t.slug, after });
    else {
      const before: Partial<TagFields> = {};
      const changed: Partial<TagFields> = {};
      for (const k of ["name", "mission", "slackChannel", "mailingList", "meetings"] as const) {
        if (current[k] !== after[k]) {
          (before as Record<string, unknown>)[k] = current[k];
          (changed as Record<string, unknown>)[k] = after[k];
        }
      }
      if (!sameList(current.tocLiaisons, after.tocLiaisons) || !sameList(current.tocLiaisonIds, after.tocLiaisonIds)) {
        before.tocLiaisons = current.tocLiaisons;
        changed.tocLiaisons = after.tocLiaisons;
        before.tocLiaisonIds = current.tocLiaisonIds;
        changed.tocLiaisonIds = after.tocLiaisonIds;
      }
      if (Object.keys(changed).length > 0) changes.push({ type: "tag.update", slug: t.slug, before, after: changed });
    }
    for (const s of t.subprojects) {
      const cur = subsByKey.get(`${t.slug}\u0000${s.slug}`);
      const fields: SubprojectFields = { name: s.name, mission: s.mission };
      if (!cur) changes.push({ type: "subproject.create", tagSlug: t.slug, slug: s.slug, after: fields });
      else if (cur.name !== fields.name || cur.mission !== fields.mission) {
        const before: Partial<SubprojectFields> = {};
        const changed: Partial<SubprojectFields> = {};
        if (cur.name !== fields.name) [before.name, changed.name] = [cur.name, fields.name];
        if (cur.mission !== fields.mission) [before.mission, changed.mission] = [cur.mission, fields.mission];
        changes.push({ type: "subproject.update", tagSlug: t.slug, slug: s.slug, before, after: changed });
      }
    }

    const lists: { sub: string | null; kind: SeatKind; people: TagsYamlPerson[]; where: string }[] = [
      { sub: null, kind: "chair", people: t.chairs, where: `${t.dir} ${KIND_KEY.chair}` },
      { sub: null, kind: "tech_lead", people: t.techLeads, where: `${t.dir} ${KIND_KEY.tech_lead}` },
      ...t.subprojects.map((s) => ({
        sub: s.slug,
        kind: "subproject_lead" as const,
        people: s.leads,
        where: `${t.dir}/${s.slug} ${KIND_KEY.subproject_lead}`,
      })),
    ];
    for (const list of lists) {
      for (const p of list.people) {
        const r = resolutions.get(p.login.toLowerCase());
        if (!r || "error" in r) {
          unresolved.push({ login: p.login, line: p.line, where: list.where, reason: r?.error ?? "not looked up" });
          const lk = listKey(t.slug, list.sub, list.kind);
          unresolvedIn.set(lk, (unresolvedIn.get(lk) ?? new Set()).add(p.login.toLowerCase()));
          continue;
        }
        if (!known.has(r.githubId)) {
          known.add(r.githubId);
          changes.push({ type: "user.placeholder", githubId: r.githubId, login: r.login, name: r.name ?? p.name });
        }
        const key = seatKey(t.slug, list.sub, list.kind, r.githubId);
        if (listed.has(key)) continue; // two logins of one person (a rename): one seat
        listed.add(key);
        const ref: SeatRef = { tagSlug: t.slug, subprojectSlug: list.sub, kind: list.kind, login: r.login };
        const seat = seatsByKey.get(key);
        if (!seat) {
          changes.push({
            type: "seat.create",
            ...ref,
            githubId: r.githubId,
            startAt: p.start,
            termEndAt: p.end,
            pending: !record,
          });
          continue;
        }
        if (seat.pending && record) changes.push({ type: "seat.confirm", ...ref, seatId: seat.id });
        const next = { startAt: p.start ?? seat.startAt, termEndAt: p.end ?? seat.termEndAt };
        const changed = next.startAt !== seat.startAt || next.termEndAt !== seat.termEndAt;
        if (changed && !record) {
          notes.push(
            `not applied: the term of ${where(ref)} differs (${next.startAt ?? "?"}..${next.termEndAt ?? "?"}); only the TOC's own file changes terms`,
          );
        } else if (changed) {
          changes.push({
            type: "seat.update",
            ...ref,
            seatId: seat.id,
            before: { startAt: seat.startAt, termEndAt: seat.termEndAt },
            after: next,
          });
        }
      }
    }
  }

  const inFile = new Set(file.tags.map((t) => t.slug));
  const missing: TagsImportPlan["missing"] = [];
  for (const s of portal.seats) {
    if (!inFile.has(s.tagSlug) || listed.has(seatKey(s.tagSlug, s.subprojectSlug, s.kind, s.githubId))) continue;
    if (unresolvedIn.get(listKey(s.tagSlug, s.subprojectSlug, s.kind))?.has(s.login.toLowerCase())) continue;
    const ref = { seatId: s.id, tagSlug: s.tagSlug, subprojectSlug: s.subprojectSlug, kind: s.kind, login: s.login };
    missing.push(ref);
    if (opts.endMissing && record) changes.push({ type: "seat.end", ...ref });
    else if (opts.endMissing) notes.push(`not ended: ${where(ref)}; only the TOC's own file ends seats`);
  }

  if (file.tocSubprojects.length > 0) {
    notes.push(
      `toc_subprojects: ${file.tocSubprojects.map((s) => s.dir).join(", ")} not imported (TOC subprojects belong to no TAG; export keeps their text as it is)`,
    );
  }
  return { changes, unresolved, missing, notes };
}

const where = (r: SeatRef) =>
  `${r.tagSlug}${r.subprojectSlug ? `/${r.subprojectSlug}` : ""} ${r.kind.replace("_", " ")} @${r.login}`;

/** One line per change, for the CLI and the admin preview. */
export function describeChange(c: TagsImportChange): string {
  switch (c.type) {
    case "tag.create":
      return `create TAG ${c.slug} (${c.after.name})`;
    case "tag.update":
      return `update TAG ${c.slug}: ${Object.keys(c.after).join(", ")}`;
    case "subproject.create":
      return `create subproject ${c.tagSlug}/${c.slug} (${c.after.name})`;
    case "subproject.update":
      return `update subproject ${c.tagSlug}/${c.slug}: ${Object.keys(c.after).join(", ")}`;
    case "user.placeholder":
      return `add placeholder person @${c.login} (GitHub id ${c.githubId}; claimed at their first sign-in)`;
    case "seat.create":
      return `add ${where(c)} (${c.startAt ?? "?"} to ${c.termEndAt ?? "?"})${c.pending ? ", pending a TOC decision" : ""}`;
    case "seat.confirm":
      return `confirm ${where(c)} (pending until now; the TOC's file lists it)`;
    case "seat.update":
      return `change term of ${where(c)}: ${c.before.startAt ?? "?"}..${c.before.termEndAt ?? "?"} -> ${c.after.startAt ?? "?"}..${c.after.termEndAt ?? "?"}`;
    case "seat.end":
      return `end ${where(c)} (not in the file)`;
  }
}

/** The whole report: changes, then what was not done and why. */
export function describePlan(plan: TagsImportPlan, opts: { endMissing?: boolean } = {}): string[] {
  const lines = plan.changes.length === 0 ? ["no changes"] : plan.changes.map(describeChange);
  if (!opts.endMissing)
    for (const m of plan.missing)
      lines.push(`would end ${where(m)} (not in the file; run with --end-missing to end it)`);
  for (const u of plan.unresolved) lines.push(`unresolved login @${u.login} (line ${u.line}, ${u.where}): ${u.reason}`);
  lines.push(...plan.notes);
  return lines;
}

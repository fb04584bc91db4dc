import Link from "next/link";
import { BOARD_DEFAULT_LIMIT, type BoardQuery } from "@/lib/help-wanted/board-query";
import { BOARD_KIND_LABEL, BOARD_KINDS, ITEM_STATUS_LABEL, REGION_LABEL, REGIONS } from "@/lib/vocabulary";

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900";
const label = "text-sm font-medium text-slate-900";

const STATUS_LABELS: Record<BoardQuery["status"], string> = {
  open: ITEM_STATUS_LABEL.open,
  filled: ITEM_STATUS_LABEL.filled,
  closed: ITEM_STATUS_LABEL.closed,
  all: "Open, filled and closed",
};

/**
 * The board's filters as a plain GET form: it works without JavaScript and every choice ends up
 * in the URL (DESIGN.md board parameters). Submitting starts again from the first page.
 * `action` is the page it submits to; `/help-wanted/for-you` ranks open items by match, so it
 * passes `matchesOnly` and the form leaves out status and sort.
 */
export function BoardFilters({
  query,
  tags,
  action = "/help-wanted",
  matchesOnly = false,
}: {
  query: BoardQuery;
  tags: { slug: string; name: string }[];
  action?: string;
  matchesOnly?: boolean;
}) {
  const chosen = new Set(query.tag);
  // A TAG named in the URL but unknown stays visible, so the filter can be undone.
  const choices = [
    ...tags,
    ...query.tag.filter((slug) => !tags.some((t) => t.slug === slug)).map((slug) => ({ slug, name: slug })),
  ];
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={matchesOnly ? "Your matches" : "Help-wanted items"}
      className="space-y-4 rounded-xl bg-white p-4 ring-1 ring-slate-200"
    >
      <div className="grid gap-4 md:grid-cols-[2fr_1fr_1fr]">
        <div>
          <label htmlFor="board-q" className={label}>
            Search
          </label>
          <input
            id="board-q"
            name="q"
            type="search"
            defaultValue={query.q}
            maxLength={200}
            placeholder="Words in the title or description"
            className={field}
          />
        </div>
        <div>
          <label htmlFor="board-kind" className={label}>
            Kind
          </label>
          <select id="board-kind" name="kind" defaultValue={query.kind ?? ""} className={field}>
            <option value="">Any kind</option>
            {BOARD_KINDS.map((k) => (
              <option key={k} value={k}>
                {BOARD_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="board-skill" className={label}>
            Skills
          </label>
          <input
            id="board-skill"
            name="skill"
            type="text"
            defaultValue={query.skill.join(", ")}
            maxLength={400}
            placeholder="e.g. Go, Technical writing"
            aria-describedby="board-skill-hint"
            className={field}
          />
          <p id="board-skill-hint" className="mt-1 text-xs text-slate-600">
            Separate skills with commas; items needing any of them are shown.
          </p>
        </div>
      </div>

      {choices.length > 0 && (
        <fieldset>
          <legend className={label}>TAGs</legend>
          <p className="text-xs text-slate-600">Items of any chosen TAG; none chosen means all.</p>
          <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
            {choices.map((t) => (
              <label key={t.slug} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name="tag"
                  value={t.slug}
                  defaultChecked={chosen.has(t.slug)}
                  className="h-4 w-4 rounded border-slate-400 accent-brand-600"
                />
                {t.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <div
        className={`grid items-end gap-4 sm:grid-cols-2 ${matchesOnly ? "md:grid-cols-[1fr_1fr_1fr_auto]" : "md:grid-cols-[1fr_1fr_1fr_1fr_1.4fr_auto]"}`}
      >
        <div>
          <label htmlFor="board-region" className={label}>
            Region
          </label>
          <select
            id="board-region"
            name="region"
            defaultValue={query.region ?? ""}
            className={field}
            aria-describedby="board-region-hint"
          >
            <option value="">Any region</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {REGION_LABEL[r]}
              </option>
            ))}
          </select>
          <p id="board-region-hint" className="sr-only">
            Items without a region preference are included.
          </p>
        </div>
        <div>
          <label htmlFor="board-effort-min" className={label}>
            Effort from (hours)
          </label>
          <input
            id="board-effort-min"
            name="effortMin"
            type="number"
            min={0}
            max={10000}
            inputMode="numeric"
            defaultValue={query.effortMin ?? ""}
            className={field}
          />
        </div>
        <div>
          <label htmlFor="board-effort-max" className={label}>
            Effort up to (hours)
          </label>
          <input
            id="board-effort-max"
            name="effortMax"
            type="number"
            min={0}
            max={10000}
            inputMode="numeric"
            defaultValue={query.effortMax ?? ""}
            className={field}
          />
        </div>
        {!matchesOnly && (
          <>
            <div>
              <label htmlFor="board-status" className={label}>
                Status
              </label>
              <select id="board-status" name="status" defaultValue={query.status} className={field}>
                {Object.entries(STATUS_LABELS).map(([value, text]) => (
                  <option key={value} value={value}>
                    {text}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="board-sort" className={label}>
                Sort by
              </label>
              <select id="board-sort" name="sort" defaultValue={query.sort ?? ""} className={field}>
                <option value="">Most relevant when searching, else newest</option>
                <option value="newest">Newest first</option>
                <option value="due">Due soonest</option>
                <option value="fewest">Fewest places left</option>
                <option value="match">Best match for you (signed in)</option>
              </select>
            </div>
          </>
        )}
        {query.limit !== BOARD_DEFAULT_LIMIT && <input type="hidden" name="limit" value={query.limit} />}
        <div className="flex items-center gap-3">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            Show items
          </button>
          <Link href={action} className="text-sm text-brand-700 underline">
            Reset
          </Link>
        </div>
      </div>
    </form>
  );
}

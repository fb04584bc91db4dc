import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { FilterInput, FilterSelect, optionsOf } from "@/components/ui/filter-select";
import { CheckboxGroup } from "@/components/ui/form";
import {
  BOARD_DEFAULT_LIMIT,
  BOARD_KINDS,
  BOARD_KIND_LABELS,
  BOARD_REGIONS,
  type BoardQuery,
} from "@/lib/help-wanted/board-query";

const EFFORT = [
  ["effortMin", "Effort from (hours)"],
  ["effortMax", "Effort up to (hours)"],
] as const;

const SORTS = [
  ["newest", "Newest first"],
  ["due", "Due soonest"],
  ["fewest", "Fewest places left"],
  ["match", "Best match for you (signed in)"],
] as const;

const STATUS_LABELS: Record<BoardQuery["status"], string> = {
  open: "Open",
  filled: "Filled",
  closed: "Closed",
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
        <FilterInput
          id="board-q"
          name="q"
          label="Search"
          type="search"
          defaultValue={query.q}
          maxLength={200}
          placeholder="Words in the title or description"
        />
        <FilterSelect
          id="board-kind"
          name="kind"
          label="Kind"
          value={query.kind}
          allLabel="Any kind"
          options={optionsOf(BOARD_KINDS.map((k) => [k, BOARD_KIND_LABELS[k]] as const))}
        />
        <FilterInput
          id="board-skill"
          name="skill"
          label="Skills"
          defaultValue={query.skill.join(", ")}
          maxLength={400}
          placeholder="e.g. Go, Technical writing"
          hint="Separate skills with commas; items needing any of them are shown."
        />
      </div>

      {choices.length > 0 && (
        <CheckboxGroup
          name="tag"
          legend="TAGs"
          hint="Items of any chosen TAG; none chosen means all."
          options={choices.map((t) => [t.slug, t.name] as const)}
          checked={query.tag}
          state={null}
          idPrefix="board"
        />
      )}

      <div
        className={`grid items-end gap-4 sm:grid-cols-2 ${matchesOnly ? "md:grid-cols-[1fr_1fr_1fr_auto]" : "md:grid-cols-[1fr_1fr_1fr_1fr_1.4fr_auto]"}`}
      >
        <FilterSelect
          id="board-region"
          name="region"
          label="Region"
          value={query.region}
          allLabel="Any region"
          options={optionsOf(BOARD_REGIONS)}
          hint="Items without a region preference are included."
          hintHidden
        />
        {EFFORT.map(([name, text]) => (
          <FilterInput
            key={name}
            id={`board-${name}`}
            name={name}
            label={text}
            type="number"
            min={0}
            max={10000}
            inputMode="numeric"
            defaultValue={query[name] ?? ""}
          />
        ))}
        {!matchesOnly && (
          <>
            <FilterSelect
              id="board-status"
              name="status"
              label="Status"
              value={query.status}
              options={optionsOf(Object.entries(STATUS_LABELS) as [string, string][])}
            />
            <FilterSelect
              id="board-sort"
              name="sort"
              label="Sort by"
              value={query.sort}
              allLabel="Most relevant when searching, else newest"
              options={optionsOf(SORTS)}
            />
          </>
        )}
        {query.limit !== BOARD_DEFAULT_LIMIT && <input type="hidden" name="limit" value={query.limit} />}
        <div className="flex items-center gap-3">
          <button type="submit" className={buttonClass()}>
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

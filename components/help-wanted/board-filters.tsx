"use client";

import Link from "next/link";
import { CollapseOnPhone } from "@/components/ui/collapse-on-phone";
import { buttonClass } from "@/components/ui/button";
import { FilterFields, optionsOf, type FilterSpec } from "@/components/ui/filter-select";
import { CheckboxGroup } from "@/components/ui/form";
import { BOARD_DEFAULT_LIMIT, type BoardQuery } from "@/lib/help-wanted/board-query";
import { BOARD_KIND_LABEL, BOARD_KINDS, ITEM_STATUS_LABEL, REGION_LABEL, REGIONS } from "@/lib/vocabulary";

const REGION_HINT = "Items without a region preference are included.";

const STATUS_LABELS: Record<BoardQuery["status"], string> = {
  open: ITEM_STATUS_LABEL.open,
  filled: ITEM_STATUS_LABEL.filled,
  closed: ITEM_STATUS_LABEL.closed,
  all: "Open, filled and closed",
};

const SORTS = optionsOf([
  ["newest", "Newest first"],
  ["due", "Due soonest"],
  ["fewest", "Fewest places left"],
  ["match", "Best match for you (signed in)"],
]);

const KINDS = optionsOf(BOARD_KINDS.map((k) => [k, BOARD_KIND_LABEL[k]] as const));
const SKILL_HINT = "Separate skills with commas; items needing any of them are shown.";
const REGION_OPTIONS = optionsOf(REGIONS.map((r) => [r, REGION_LABEL[r]] as const));

const FIRST_ROW: FilterSpec[] = [
  { name: "q", label: "Search", type: "search", maxLength: 200, placeholder: "Words in the title or description" },
  { name: "kind", label: "Kind", all: "Any kind", options: KINDS },
  { name: "skill", label: "Skills", maxLength: 400, placeholder: "e.g. Go, Technical writing", hint: SKILL_HINT },
];

/** Region and effort; the board adds status and sort (the matches page ranks open items its own way). */
const SECOND_ROW: FilterSpec[] = [
  { name: "region", label: "Region", all: "Any region", options: REGION_OPTIONS, hint: REGION_HINT, hintHidden: true },
  { name: "effortMin", label: "Effort from (hours)", type: "number" },
  { name: "effortMax", label: "Effort up to (hours)", type: "number" },
  { name: "status", label: "Status", options: optionsOf(Object.entries(STATUS_LABELS)) },
  { name: "sort", label: "Sort by", all: "Most relevant when searching, else newest", options: SORTS },
];

/**
 * The board's filters as a plain GET form: it works without JavaScript and every choice ends up
 * in the URL (docs/architecture.md, "Board parameters"). Submitting starts again from the first page.
 * `action` is the page it submits to; `/help-wanted/for-you` ranks open items by match, so it
 * passes `matchesOnly` and the form leaves out status and sort. A client component so that the
 * page's RSC payload carries the query and the TAGs (about 1 KB) rather than the form's elements
 * again (docs/decisions/018-render-speed.md); its HTML is rendered on the server all the same.
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
  // Status and sort always have a value; the narrowing filters are what must stay in sight.
  const moreActive = query.tag.length > 0 || Boolean(query.region || query.effortMin || query.effortMax);
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={matchesOnly ? "Your matches" : "Help-wanted items"}
      className="space-y-4 rounded-xl bg-white p-4 ring-1 ring-slate-200"
    >
      <div className="grid gap-4 md:grid-cols-[2fr_1fr_1fr]">
        <FilterFields prefix="board" values={query} specs={FIRST_ROW} />
      </div>

      <CollapseOnPhone summary="More filters" active={moreActive}>
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
          <FilterFields prefix="board" values={query} specs={matchesOnly ? SECOND_ROW.slice(0, 3) : SECOND_ROW} />
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
      </CollapseOnPhone>
    </form>
  );
}

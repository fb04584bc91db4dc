import type { ProjectMaturityName } from "@/lib/projects/schemas";

const STYLES: Record<ProjectMaturityName, string> = {
  graduated: "bg-brand-100 text-brand-800",
  incubating: "bg-sky-100 text-sky-900",
  sandbox: "bg-amber-100 text-amber-900",
  archived: "bg-slate-200 text-slate-800",
};

/** The CNCF maturity level, as text (the colour only repeats it). */
export function MaturityBadge({ maturity }: { maturity: ProjectMaturityName }) {
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-medium capitalize ${STYLES[maturity]}`}>
      {maturity}
    </span>
  );
}

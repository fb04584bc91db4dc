import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import type { ServerAction } from "@/components/ui/form";
import { DateTime } from "@/components/ui/time";
import { TEXT_KIND_LABEL, type TextKind } from "@/lib/reports/schemas";

interface HiddenText {
  subjectType: TextKind;
  subjectId: string;
  reason: string;
  hiddenAt: Date;
  text: { title: string; link: string } | null;
}

/**
 * Texts hidden after a report, beside the open reports: a lead (an admin, for bios) may show one
 * again, saying why. `unhide` is the item route's `showTextAgainAction`.
 */
export function HiddenTexts({ texts, unhide }: { texts: readonly HiddenText[]; unhide: ServerAction }) {
  if (texts.length === 0) return null;
  return (
    <section
      id="hidden-texts"
      aria-labelledby="hidden-texts-title"
      className="rounded-xl bg-white p-6 ring-1 ring-slate-200"
    >
      <h2 id="hidden-texts-title" className="text-xl font-semibold text-slate-900">
        Hidden texts ({texts.length})
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Readers see the reason in their place. Showing one again is logged with your reason; a new report can hide it
        again.
      </p>
      <ul className="mt-3 space-y-4">
        {texts.map((t) => (
          <li key={`${t.subjectType}-${t.subjectId}`} className="space-y-2 rounded-md p-3 ring-1 ring-slate-200">
            <p>
              A {TEXT_KIND_LABEL[t.subjectType]} on{" "}
              {t.text ? (
                <Link href={t.text.link} className="font-medium text-brand-700 underline">
                  {t.text.title}
                </Link>
              ) : (
                "a page that no longer exists"
              )}
              , hidden <DateTime iso={t.hiddenAt.toISOString()} />
            </p>
            <p className="text-sm">
              <span className="font-medium">Shown in its place:</span> {t.reason}
            </p>
            <ActionForm
              action={unhide}
              hidden={{ subjectType: t.subjectType, subjectId: t.subjectId }}
              label={`Show the hidden ${TEXT_KIND_LABEL[t.subjectType]} on ${t.text?.title ?? "a removed page"} again`}
              fields={[{ name: "reason", label: "Why show it again (for the log)", required: true }]}
              submit="Show it again"
              variant="neutral"
              compact
              inline
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

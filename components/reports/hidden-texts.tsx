import { ActionForm } from "@/components/ui/action-form";
import type { ServerAction } from "@/components/ui/form";
import { Section, TileList } from "@/components/ui/section";
import { DateTime } from "@/components/ui/time";
import { TextOnPage } from "./text-on-page";
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
    <Section
      anchor="hidden-texts"
      id="hidden-texts-title"
      title="Hidden texts"
      count={texts.length}
      description="Readers see the reason in their place. Showing one again is logged with your reason; a new report can hide it again."
    >
      <TileList items={texts} keyOf={(t) => `${t.subjectType}-${t.subjectId}`}>
        {(t) => (
          <>
            <p>
              <TextOnPage kind={t.subjectType} text={t.text} />, hidden <DateTime iso={t.hiddenAt.toISOString()} />
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
          </>
        )}
      </TileList>
    </Section>
  );
}

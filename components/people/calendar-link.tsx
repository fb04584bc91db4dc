"use client";

import { ActionForm } from "@/components/ui/action-form";
import type { ServerAction } from "@/components/ui/form";
import { Section } from "@/components/ui/section";
import { DateTime } from "@/components/ui/time";

/**
 * /me's calendar section: makes (or resets) the private link of the person's own iCal feed. The
 * link is shown once, right after it is made: only its hash is kept, so it cannot be shown again.
 */
export function CalendarLink({ createdAt, reset }: { createdAt: string | null; reset: ServerAction }) {
  return (
    <Section
      id="calendar-heading"
      title="Your calendar"
      size="lg"
      description={
        <>
          Subscribe from any calendar app to the due dates of items you hold, your liaison check-ins, and the elections
          you may vote in. The link is private: anyone who has it sees these dates.
          {createdAt && (
            <>
              {" "}
              Your current link was made <DateTime iso={createdAt} />.
            </>
          )}
        </>
      }
    >
      <ActionForm
        action={reset}
        hidden={{ intent: "reset-calendar" }}
        className="mt-3"
        label="Calendar link"
        confirm={createdAt ? "Reset the calendar link…" : undefined}
        description={
          createdAt ? "The old link stops working at once; calendars subscribed to it need the new one." : undefined
        }
        submit={createdAt ? "Reset the link" : "Make my calendar link"}
        danger={Boolean(createdAt)}
        success="Here is your calendar link. Copy it now: it is not shown again."
      >
        {(state, idPrefix) =>
          state?.ok && (
            <p className="space-y-1">
              <label htmlFor={`${idPrefix}-calendar-url`} className="block text-sm font-medium text-slate-800">
                Calendar link (iCal)
              </label>
              <input
                id={`${idPrefix}-calendar-url`}
                readOnly
                value={(state.data as { url: string }).url}
                className="w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
                onFocus={(e) => e.currentTarget.select()}
              />
            </p>
          )
        }
      </ActionForm>
    </Section>
  );
}

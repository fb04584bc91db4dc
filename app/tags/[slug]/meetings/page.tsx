import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { PageHeader } from "@/components/ui/page-header";
import { PersonLink } from "@/components/ui/person-link";
import { Card, Section } from "@/components/ui/section";
import { DateOnly } from "@/components/ui/time";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { getTagMeetings } from "@/lib/meetings/queries";
import { TICK_DAYS } from "@/lib/meetings/schemas";
import { isoDay } from "@/lib/vocabulary";
import { attendMeetingAction, recordMeetingAction } from "./actions";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "TAG meetings" };
export const dynamic = "force-dynamic";

/** A TAG's meetings and who attended: attendance is a contribution the TAG's activity rule counts. */
export default async function TagMeetingsPage({ params }: Props) {
  const { slug } = await params;
  const [actor, at] = await Promise.all([getActor(), now()]);
  const found = await getTagMeetings(slug, actor?.id ?? null, at);
  if (!found) notFound();
  const { tag, meetings } = found;
  return (
    <div className="space-y-8">
      <PageHeader title={`Meetings: ${tag.name}`} eyebrow={<span className="font-mono">tag-{tag.slug}</span>}>
        <p className="max-w-3xl text-slate-700">
          Attending a meeting counts as a contribution to the TAG. Leads record each meeting with the attendee list from
          its notes; if you attended and are missing, tick it within {TICK_DAYS} days and a lead confirms it.{" "}
          <Link href={`/tags/${tag.slug}`} className="text-brand-700 underline">
            TAG page
          </Link>
        </p>
      </PageHeader>

      {can(actor, "meeting.record", tag.id) && (
        <ActionForm
          action={recordMeetingAction}
          title="Record a meeting"
          level={2}
          hidden={{ tagId: tag.id }}
          columns={2}
          fields={[
            { name: "heldOn", label: "Date", type: "date", required: true, defaultValue: isoDay(at) },
            { name: "notesUrl", label: "Link to the notes", type: "url", required: true },
            {
              name: "attendees",
              label: "Attendees (GitHub logins from the notes)",
              type: "textarea",
              hint: "One per line or separated by commas; an @ is fine. People without a portal account are listed back, not counted.",
            },
          ]}
          submit="Record meeting"
        />
      )}

      <Section id="meetings" title="Meetings" plain count={meetings.length} empty="No meeting recorded yet.">
        <ul className="space-y-3">
          {meetings.map((m) => (
            <Card as="li" key={m.id} className="space-y-2">
              <h3 className="font-semibold text-slate-900">
                <DateOnly date={m.heldOn} />{" "}
                <a href={m.notesUrl} className="text-sm font-normal text-brand-700 underline" rel="noopener noreferrer">
                  notes
                </a>
              </h3>
              <p className="text-sm text-slate-700">
                Attended ({m.attended.length}):{" "}
                {m.attended.length
                  ? m.attended.map((l, i) => (
                      <span key={l}>
                        {i > 0 && ", "}
                        <PersonLink login={l} />
                      </span>
                    ))
                  : "nobody recorded"}
                {m.waiting.length > 0 && <> · waiting for a lead: {m.waiting.map((l) => `@${l}`).join(", ")}</>}
              </p>
              {actor &&
                (m.mine ? (
                  <p className="text-sm text-slate-600">
                    {m.mine === "verified"
                      ? "Your attendance counts."
                      : m.mine === "pending"
                        ? "You ticked it; a lead confirms it."
                        : "A lead did not confirm your tick."}
                  </p>
                ) : (
                  m.tickOpen && (
                    <ActionForm
                      action={attendMeetingAction}
                      hidden={{ meetingId: m.id }}
                      label="Tick your attendance"
                      submit="I attended"
                      variant="secondary"
                      compact
                    />
                  )
                ))}
            </Card>
          ))}
        </ul>
      </Section>
    </div>
  );
}

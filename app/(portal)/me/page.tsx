import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Avatar } from "@/components/ui/avatar";
import { Section } from "@/components/ui/section";
import { DateOnly } from "@/components/ui/time";
import { requireUser } from "@/lib/auth/session";
import { formValuesFromProfile } from "@/lib/people/form-data";
import { getOwnProfile } from "@/lib/accounts/queries";
import { listDeliveredWork } from "@/lib/people/export";
import { ITEM_KIND_LABEL } from "@/lib/vocabulary";
import { DeleteAccount } from "./_components/delete-account";
import { ProfileForm } from "@/components/people/profile-form";
import { ActionForm } from "@/components/ui/action-form";
import { getNotificationPrefs } from "@/lib/notify/preferences";
import {
  NOTIFICATION_GROUP_LABEL,
  NOTIFICATION_GROUPS,
  NOTIFICATION_MODE_LABEL,
  NOTIFICATION_MODES,
} from "@/lib/notify/schemas";
import { resetCalendarAction, saveNotificationPrefsAction, saveProfileAction } from "./actions";
import { CalendarLink } from "@/components/people/calendar-link";
import { calendarTokenCreatedAt } from "@/lib/calendar/tokens";
import { ItemLink } from "@/components/help-wanted/item-link";
import { Row, RowList } from "@/components/ui/row-list";

export const metadata: Metadata = { title: "Your profile" };

export default async function MePage() {
  const user = await requireUser("/me");
  const [profile, delivered, prefs, calendarSince] = await Promise.all([
    getOwnProfile(user.id),
    listDeliveredWork(user.id),
    getNotificationPrefs(user.id),
    calendarTokenCreatedAt(user.id),
  ]);
  if (!profile) notFound();
  // Built here, not with the client module's labelledOptions: a server component cannot call it.
  const modes = NOTIFICATION_MODES.map((m) => [m, NOTIFICATION_MODE_LABEL[m]] as const);
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-center gap-4">
        <Avatar login={profile.login} src={profile.avatarUrl} size={56} />
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Your profile</h1>
          <p className="text-slate-700">
            {profile.name ?? profile.login} (<span className="font-mono">@{profile.login}</span>) ·{" "}
            <Link href={`/people/${profile.login}`} className="text-brand-700 underline">
              See your public profile
            </Link>
          </p>
        </div>
      </header>
      <p className="max-w-3xl text-slate-700">
        Your name, login and avatar come from GitHub. Fields marked public appear on your public profile; your email
        address is never shown.
      </p>
      <ProfileForm
        saved={formValuesFromProfile(profile)}
        timeZones={Intl.supportedValuesOf("timeZone")}
        action={saveProfileAction}
      />
      <Section
        id="employers-heading"
        title="Employer history"
        size="lg"
        description="Kept so that seat rules limiting people per employer can be checked."
        empty={profile.employers.length === 0 && "No employer recorded yet."}
      >
        <RowList ordered label="Employers, most recent first">
          {profile.employers.map((e) => (
            <Row
              key={e.id}
              aside={
                <>
                  <DateOnly date={e.from} /> – {e.to ? <DateOnly date={e.to} /> : "now"}
                </>
              }
            >
              <span className="font-medium text-slate-900">{e.employer}</span>
            </Row>
          ))}
        </RowList>
      </Section>
      <div id="notifications">
        <ActionForm
          action={saveNotificationPrefsAction}
          title="Notifications"
          level={2}
          description="How each kind of notice reaches you. A weekly digest holds those notices back and brings them once a week, in the app and in one email; off means no notice at all."
          fields={NOTIFICATION_GROUPS.map((g) => ({
            name: g,
            label: NOTIFICATION_GROUP_LABEL[g],
            defaultValue: prefs[g],
            options: modes,
          }))}
          columns={2}
          submit="Save notification preferences"
        />
      </div>
      <Section
        id="delivered-heading"
        title="Work you delivered"
        size="lg"
        description="Help-wanted items you completed, with their evidence: useful for an Ambassador renewal."
        empty={delivered.length === 0 && "Nothing completed yet."}
      >
        <RowList>
          {delivered.map((w) => (
            <Row key={w.id} aside={w.completedAt && <DateOnly date={w.completedAt} />}>
              <ItemLink item={w.item} strong />{" "}
              <span className="text-sm text-slate-600">
                {ITEM_KIND_LABEL[w.item.kind]} · {w.item.tags.map((t) => t.tag.name).join(", ")}
                {w.evidenceUrl && (
                  <>
                    {" "}
                    ·{" "}
                    <a href={w.evidenceUrl} className="underline" rel="noopener noreferrer">
                      evidence
                    </a>
                  </>
                )}
              </span>
            </Row>
          ))}
        </RowList>
      </Section>
      <CalendarLink createdAt={calendarSince?.toISOString() ?? null} reset={resetCalendarAction} />
      <Section
        id="export-heading"
        title="Your data"
        size="lg"
        description="Everything TAG Portal holds about you, as one JSON file. The privacy page says what each part is."
      >
        <p className="mt-3 flex flex-wrap gap-4">
          <a href="/me/export" download className="font-medium text-brand-700 underline">
            Export my data
          </a>
          <Link href="/privacy" className="text-brand-700 underline">
            Privacy
          </Link>
        </p>
      </Section>
      <DeleteAccount login={profile.login} />
    </div>
  );
}

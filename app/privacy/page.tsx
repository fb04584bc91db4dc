import type { Metadata } from "next";
import Link from "next/link";
import { Lead, PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Privacy" };

/**
 * What the portal stores about a person, written from the database schema (prisma/schema.prisma):
 * a new table that holds personal data adds a line here and to the export (lib/people/export.ts).
 */
const STORED: { what: string; detail: string }[] = [
  {
    what: "From GitHub when you sign in",
    detail:
      "Your GitHub id, login, name, email address and avatar. The email address is never shown to anyone; it is used for the notifications you choose to receive by email.",
  },
  {
    what: "Your profile",
    detail:
      "What you enter: region, timezone, employer (with the dates it changed, so seat rules on people per employer can be checked), bio, skills, interests, languages, monthly hours, the kinds of work you prefer, and whether you want suggestions and the weekly digest.",
  },
  {
    what: "Your work in the TAGs",
    detail:
      "Contributions counted from the TAGs' GitHub repositories (pull requests, issues, reviews, comments) and those you report yourself, with the lead who verified them; help-wanted items you volunteered for, your progress updates and evidence links; items you hid from your suggestions; initiatives you joined and check-ins you wrote.",
  },
  {
    what: "Leadership and elections",
    detail:
      "Seats you hold or held (role, TAG, region at the start, dates, leaves); nominations, endorsements and exception requests; voter lists you are on; and that you voted. Ballots carry no person: how you voted is stored only as an anonymous ranking, which your receipt lets you check. TOC members' votes on decisions and recusals are recorded with their name, as TOC votes are public.",
  },
  {
    what: "Notifications and mail",
    detail: "The notifications shown to you in the portal and the emails sent to your address.",
  },
  {
    what: "Reports of a text",
    detail:
      "When you report a text (an item, an update, a statement or a bio): what you reported, why and when. The TAG's leads (for a bio, the admins) see your login with the report; the author is not told who reported it.",
  },
  {
    what: "The audit log",
    detail:
      "Every change to governance data (seats, roles, elections, TAG settings, verifications) records who made it and when, so the TAGs' record can be checked.",
  },
  {
    what: "Sign-in and protection",
    detail:
      "A session record while you are signed in (a random token and when it expires), and short-lived request counters that limit abuse.",
  },
];

export default function PrivacyPage() {
  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader title="Privacy">
        <Lead>
          TAG Portal stores what the TAGs need to find help, count activity and run their leadership, and nothing for
          advertising or tracking: no analytics, no third-party cookies. This page lists all of it.
        </Lead>
      </PageHeader>
      <Section id="stored" title="What the portal stores about you" size="lg">
        <dl className="mt-3 space-y-4">
          {STORED.map((s) => (
            <div key={s.what}>
              <dt className="font-medium text-slate-900">{s.what}</dt>
              <dd className="text-slate-700">{s.detail}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section id="public" title="What others see" size="lg">
        <p className="mt-3 text-slate-700">
          Your public profile shows your login, name, avatar, the fields your profile marks public, your seats and your
          counted activity. TAG rosters, election results and the open data API show leaders and their seats, as the
          CNCF publishes them. Leads of a TAG see the hours and skills of people who volunteer for its items.
        </p>
      </Section>
      <Section id="yours" title="Your copy, and deleting it" size="lg">
        <p className="mt-3 text-slate-700">
          Signed in, your{" "}
          <Link href="/me" className="text-brand-700 underline">
            profile
          </Link>{" "}
          offers <strong>Export my data</strong>: everything above that is about you, as one JSON file. Deleting your
          account there removes your personal data (profile, email, notifications, mail, employer history, sessions);
          the TAGs&apos; record (seats held and counted contributions) stays, shown as a former member&apos;s without
          your name or login.
        </p>
      </Section>
    </div>
  );
}

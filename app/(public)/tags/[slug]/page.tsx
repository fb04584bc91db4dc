import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RosterTable } from "@/components/roster-table";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { listLeadershipSeats } from "@/lib/roles/queries";
import { findTagBySlug } from "@/lib/tags/queries";
import { AppointForm } from "./_components/appoint-form";
import { EndSeatForm } from "./_components/end-seat-form";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await findTagBySlug((await params).slug);
  return { title: tag?.name ?? "TAG not found" };
}

export default async function TagPage({ params }: Props) {
  const tag = await findTagBySlug((await params).slug);
  if (!tag) notFound();
  const [seats, actor] = await Promise.all([listLeadershipSeats(tag.id), getActor()]);
  const mayAppoint = can(actor, "roster.appoint", tag.id);
  return (
    <div className="space-y-8">
      <header>
        <p className="font-mono text-sm text-slate-600">tag-{tag.slug}</p>
        <h1 className="text-3xl font-bold text-brand-800">{tag.name}</h1>
        {tag.mission && <p className="mt-3 max-w-3xl text-lg text-slate-700">{tag.mission}</p>}
      </header>
      <section aria-labelledby="contact" className="grid gap-4 md:grid-cols-2">
        <h2 id="contact" className="sr-only">How to take part</h2>
        <dl className="space-y-2 rounded-xl bg-white p-6 text-sm ring-1 ring-slate-200">
          <div>
            <dt className="font-medium text-slate-900">Mailing list</dt>
            <dd>{tag.mailingList ? <a className="text-brand-700 underline" href={tag.mailingList}>{tag.mailingList}</a> : "—"}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">Slack</dt>
            <dd>{tag.slackChannel ?? "—"}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">Meetings</dt>
            <dd className="whitespace-pre-line">{tag.meetings || "—"}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">Repositories</dt>
            <dd>
              {tag.repositories.length === 0
                ? "—"
                : tag.repositories.map((r) => (
                    <a key={r} className="mr-3 text-brand-700 underline" href={`https://github.com/${r}`}>
                      {r}
                    </a>
                  ))}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">TOC liaisons</dt>
            <dd>{tag.tocLiaisons.length ? tag.tocLiaisons.map((l) => `@${l}`).join(", ") : "—"}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">Leadership model</dt>
            <dd>{tag.leadershipModel === "election" ? "Tech Leads elected" : "Appointed by consensus, with escalation to the TOC"}</dd>
          </div>
        </dl>
        <div className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
          <h3 className="font-semibold text-slate-900">Subprojects</h3>
          {tag.subprojects.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No subprojects.</p>
          ) : (
            <ul className="mt-2 space-y-2 text-sm">
              {tag.subprojects.map((s) => (
                <li key={s.slug}>
                  <strong>{s.name}</strong>
                  {s.mission && <span className="text-slate-700"> — {s.mission}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      <section aria-labelledby="leadership" className="space-y-4">
        <h2 id="leadership" className="text-xl font-semibold text-slate-900">
          Leadership
        </h2>
        <RosterTable seats={seats} controls={mayAppoint ? (s) => (s.status !== "pending" && !s.endRequestedAt ? <EndSeatForm assignmentId={s.id} who={s.user.login} /> : null) : undefined} />
        {mayAppoint && <AppointForm tagId={tag.id} tagName={tag.name} />}
      </section>
    </div>
  );
}

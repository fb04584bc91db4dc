import type { Metadata } from "next";
import Link from "next/link";
import { getActor } from "@/lib/auth/actor";
import { canInAnyTag } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { listOwnSelfReports, listTagChoices, listToVerify } from "@/lib/contributions/queries";
import { KIND_LABEL } from "@/lib/contributions/schemas";
import { selfReportAction, verifyAction } from "./actions";
import { SelfReportForm, VerifyForm } from "./_components/forms";

export const metadata: Metadata = { title: "Contributions" };

const STATE_STYLE: Record<string, string> = {
  pending: "bg-amber-50 text-amber-900 ring-amber-200",
  verified: "bg-green-50 text-green-900 ring-green-200",
  rejected: "bg-red-50 text-red-900 ring-red-200",
};

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** Own self-reported contributions and the form to report one; for leads, the reports waiting for them. */
export default async function ContributionsPage({ searchParams }: { searchParams: Promise<{ decided?: string }> }) {
  const user = await requireUser("/contributions");
  const { decided } = await searchParams;
  const [actor, at, tags, mine] = await Promise.all([getActor(), now(), listTagChoices(), listOwnSelfReports(user.id)]);
  const toVerify = actor ? await listToVerify(actor) : [];
  const mayVerify = canInAnyTag(actor, "contribution.verify");

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold text-brand-800">Contributions</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Work on GitHub is counted automatically. Report talks, blog posts, podcasts, assessments and other work here:
          a lead of the TAG verifies it before it counts towards your activity.
        </p>
      </header>
      <div role="status" aria-live="polite">
        {decided === "verified" && (
          <p className="rounded-md bg-green-50 p-2 text-green-900 ring-1 ring-green-200">
            Verified: it now counts towards the person&apos;s activity.
          </p>
        )}
        {decided === "rejected" && (
          <p className="rounded-md bg-green-50 p-2 text-green-900 ring-1 ring-green-200">
            Rejected: the person has been notified.
          </p>
        )}
      </div>

      <section aria-labelledby="report" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="report" className="text-xl font-semibold text-slate-900">
          Report a contribution
        </h2>
        <div className="mt-3">
          {tags.length === 0 ? (
            <p className="text-slate-600">No TAGs yet.</p>
          ) : (
            <SelfReportForm action={selfReportAction} tags={tags} today={dayOf(at)} />
          )}
        </div>
      </section>

      <section aria-labelledby="mine" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="mine" className="text-xl font-semibold text-slate-900">
          Your reports ({mine.length})
        </h2>
        {mine.length === 0 ? (
          <p className="mt-2 text-slate-600">You have not reported anything yet.</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Your self-reported contributions</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-3">
                    Date
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Kind
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Title
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    TAG
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    State
                  </th>
                </tr>
              </thead>
              <tbody>
                {mine.map((r) => (
                  <tr key={r.id} className="border-b border-slate-100 align-top">
                    <td className="py-2 pr-3 whitespace-nowrap">{dayOf(r.occurredAt)}</td>
                    <td className="py-2 pr-3">{KIND_LABEL[r.kind]}</td>
                    <td className="py-2 pr-3">
                      {r.link ? (
                        <a href={r.link} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
                          {r.title}
                        </a>
                      ) : (
                        r.title
                      )}
                    </td>
                    <td className="py-2 pr-3">
                      {r.tag ? <Link href={`/tags/${r.tag.slug}`}>{r.tag.name}</Link> : "—"}
                    </td>
                    <td className="py-2 pr-3">
                      <span className={`rounded px-2 py-0.5 ring-1 ${STATE_STYLE[r.verification]}`}>
                        {r.verification}
                      </span>
                      {r.rejectReason && <span className="ml-2 text-slate-700">{r.rejectReason}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {mayVerify && (
        <section aria-labelledby="verify" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
          <h2 id="verify" className="text-xl font-semibold text-slate-900">
            To verify ({toVerify.length})
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Self-reports in the TAGs you lead. GitHub work is imported by webhooks and by a{" "}
            <Link href="/admin/sync" className="text-brand-700 underline">
              GitHub sync
            </Link>
            .
          </p>
          {toVerify.length === 0 ? (
            <p className="mt-2 text-slate-600">Nothing waits for you.</p>
          ) : (
            <ul className="mt-3 space-y-4">
              {toVerify.map((r) => (
                <li key={r.id} className="rounded-lg border border-slate-200 p-3">
                  <p className="text-sm text-slate-900">
                    <Link href={`/people/${r.user.login}`} className="font-medium text-brand-700 underline">
                      @{r.user.login}
                    </Link>{" "}
                    · {KIND_LABEL[r.kind]} · {dayOf(r.occurredAt)} · {r.tag?.name ?? "no TAG"}
                  </p>
                  <p className="mt-1 font-medium">
                    {r.link ? (
                      <a href={r.link} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
                        {r.title}
                      </a>
                    ) : (
                      r.title
                    )}
                  </p>
                  <div className="mt-2">
                    <VerifyForm action={verifyAction} recordId={r.id} title={r.title} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { listTags } from "@/lib/tags/queries";

export const metadata: Metadata = { title: "TAGs" };
export const dynamic = "force-dynamic";

export default async function TagsPage() {
  const tags = await listTags();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">Technical Advisory Groups</h1>
      <p className="max-w-3xl text-slate-700">
        The CNCF&apos;s TAGs each cover one area of cloud native technology. Each keeps its help-wanted work, its roster
        and its elections here.
      </p>
      {tags.length === 0 ? (
        <p className="rounded-xl bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">
          No TAGs yet. An administrator can import them from the TOC&apos;s tags.yaml.
        </p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {tags.map((t) => (
            <li key={t.slug} className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
              <h2 className="text-lg font-semibold text-brand-800">
                <Link href={`/tags/${t.slug}`} className="underline-offset-4 hover:underline">
                  {t.name}
                </Link>
              </h2>
              <p className="mt-1 font-mono text-xs text-slate-600">tag-{t.slug}</p>
              <p className="mt-3 text-slate-700">{t.mission}</p>
              <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                <Link href={`/help-wanted?tag=${t.slug}`} className="text-brand-700 underline">
                  Help wanted in {t.name}
                </Link>
                {t.mailingList && (
                  <a href={t.mailingList} className="text-brand-700 underline">
                    Mailing list
                  </a>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

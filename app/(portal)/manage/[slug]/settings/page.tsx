import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DateTime } from "@/components/ui/time";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getTagSettings } from "@/lib/tags/queries";
import { settingText, TAG_SETTING_KEYS, TAG_SETTING_LABEL } from "@/lib/vocabulary";
import { saveTagSettingsAction } from "./actions";
import { SettingsForm } from "./_components/settings-form";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "TAG settings" };

/** A TAG's settings, versioned: the current values, the chairs' form, and every earlier version. */
export default async function TagSettingsPage({ params }: Props) {
  const { slug } = await params;
  await requireUser(`/manage/${slug}/settings`);
  const [tag, actor] = await Promise.all([getTagSettings(slug), getActor()]);
  if (!tag) notFound();
  const mayEdit = can(actor, "tag.settings", tag.id);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="font-mono text-sm text-slate-600">tag-{tag.slug}</p>
        <h1 className="text-3xl font-bold text-brand-800">Settings: {tag.name}</h1>
        <p className="text-sm text-slate-700">
          Version {tag.version || 1}. The TAG&apos;s chairs (and admins) change these; every change is kept below with
          who made it and why. The share of TOC votes needed to remove a leader is the TOC&apos;s to set.{" "}
          <Link href={`/tags/${tag.slug}`} className="text-brand-700 underline">
            TAG page
          </Link>
        </p>
      </header>

      {mayEdit ? (
        <section aria-labelledby="edit" className="space-y-3">
          <h2 id="edit" className="text-xl font-semibold text-slate-900">
            Change the settings
          </h2>
          <SettingsForm tagId={tag.id} version={tag.version} settings={tag.settings} save={saveTagSettingsAction} />
        </section>
      ) : (
        <section aria-labelledby="current" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
          <h2 id="current" className="text-xl font-semibold text-slate-900">
            Current settings
          </h2>
          <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2">
            {TAG_SETTING_KEYS.map((k) => (
              <div key={k}>
                <dt className="text-sm font-medium text-slate-900">{TAG_SETTING_LABEL[k]}</dt>
                <dd className="text-slate-700">{settingText(k, tag.settings[k])}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-sm text-slate-600">Only the TAG&apos;s chairs and admins change them.</p>
        </section>
      )}

      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-xl font-semibold text-slate-900">
          History
        </h2>
        {tag.history.length === 0 ? (
          <p className="text-sm text-slate-600">No change recorded since the TAG was created.</p>
        ) : (
          <ol className="space-y-3">
            {tag.history.map((h) => (
              <li key={h.version} className="rounded-xl bg-white p-4 text-sm ring-1 ring-slate-200">
                <p className="font-medium text-slate-900">
                  Version {h.version} · <DateTime iso={h.at.toISOString()} /> · {h.by}
                </p>
                {h.reason && <p className="text-slate-700">{h.reason}</p>}
                <ul className="mt-1 list-inside list-disc text-slate-700">
                  {h.changed.map((k) => (
                    <li key={k}>
                      {TAG_SETTING_LABEL[k] ?? k}: {settingText(k, h.settings[k])}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

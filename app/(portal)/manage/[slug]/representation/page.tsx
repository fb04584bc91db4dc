import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/forbidden";
import { RepresentationSection } from "@/components/dashboards/representation-section";
import { ActionForm } from "@/components/ui/action-form";
import { PageHeader } from "@/components/ui/page-header";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { loadTagRepresentation } from "@/lib/representation/load";
import { REGIONS } from "@/lib/vocabulary";
import { saveTargetsAction } from "./actions";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Representation targets" };

/** A TAG's representation targets: chairs set them; leads and the TOC see the TAG against them. */
export default async function RepresentationPage({ params }: Props) {
  const { slug } = await params;
  await requireUser(`/manage/${slug}/representation`);
  const actor = await getActor();
  const found = await loadTagRepresentation(slug);
  if (!found) notFound();
  const { tag, representation: r } = found;
  if (!can(actor, "dashboard.view", tag.id)) return <Forbidden what={`the representation targets of ${tag.name}`} />;
  const mayEdit = can(actor, "tag.settings", tag.id);
  return (
    <div className="space-y-8">
      <PageHeader
        title={`Representation targets: ${tag.name}`}
        eyebrow={<span className="font-mono">tag-{tag.slug}</span>}
      >
        <p className="max-w-3xl text-slate-700">
          Minimums by region and, where the TAG wants, by country, for its leadership and its TAG Ambassadors. Seat
          rules of each role still apply on every appointment; these targets are what the TAG aims for.{" "}
          <Link href={`/manage/${tag.slug}`} className="text-brand-700 underline">
            Lead console
          </Link>
        </p>
      </PageHeader>

      <RepresentationSection representation={r} slug={tag.slug} mayEdit={false} />

      {mayEdit ? (
        <ActionForm
          action={saveTargetsAction}
          title={r.targets.length ? "Change the targets" : "Set targets"}
          level={2}
          hidden={{ tagId: tag.id }}
          fields={[
            {
              name: "targets",
              label: "Targets, one per line",
              type: "textarea",
              defaultValue: r.text,
              hint: `For example "Leadership: at least 1 from APAC" or "Ambassadors: at least 2 from BR". A place is a region (${REGIONS.join(", ")}) or a country (an ISO 3166-1 code such as DE, or its English name). Leave empty to remove every target.`,
            },
          ]}
          submit="Save targets"
        />
      ) : (
        <p className="text-slate-700">Only the TAG&apos;s chairs (and admins) change the targets.</p>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/forbidden";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { findTagBySlug } from "@/lib/tags/queries";
import { TagForm } from "../../_components/tag-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata: Metadata = { title: "Edit TAG" };

export default async function EditTagPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireUser(`/admin/tags/${slug}`);
  if (!can(await getActor(), "tag.manage")) return <Forbidden what="the admin console" />;
  const tag = await findTagBySlug(slug);
  if (!tag) notFound();
  return (
    <div className="max-w-2xl space-y-4">
      <Breadcrumbs trail={[{ href: "/admin", label: "Admin" }]} current="Edit a TAG" />
      <h1 className="text-2xl font-semibold text-slate-900">Edit {tag.name}</h1>
      <TagForm tag={tag} />
    </div>
  );
}

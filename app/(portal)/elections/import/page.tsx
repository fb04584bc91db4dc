import type { Metadata } from "next";
import { Forbidden } from "@/components/forbidden";
import { Lead, PageHeader } from "@/components/ui/page-header";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listRoleDefinitions } from "@/lib/roles/queries";
import { findTagBySlug, listTags } from "@/lib/tags/queries";
import { ElektoImportForm } from "./_components/elekto-import-form";

export const metadata: Metadata = { title: "Import an Elekto election" };

export default async function ElektoImportPage() {
  await requireUser("/elections/import");
  const actor = await getActor();
  const tags: (readonly [string, string])[] = [];
  // The roles each TAG may elect (as on the set-up page, ambassadors are appointed, not elected).
  const roles: Record<string, (readonly [string, string])[]> = {};
  for (const t of await listTags()) {
    const full = t.slug ? await findTagBySlug(t.slug) : null;
    if (!full || !can(actor, "election.run", full.id)) continue;
    tags.push([full.slug, full.name] as const);
    roles[full.slug] = (await listRoleDefinitions(full.id))
      .filter((d) => d.kind !== "tag_ambassador")
      .map((d) => [d.roleKey, d.name] as const);
  }
  if (tags.length === 0)
    return <Forbidden what="importing elections (a TAG's chairs and tech leads, or an admin, run them)" />;
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title="Import an Elekto election" compact>
        <Lead>
          Upload an Elekto election folder (election.yaml, election_desc.md, voters.yaml, candidate-&lt;id&gt;.md, and
          ballots.csv if it has one) as a zip or a tarball of at most 10 MB. Preview first: it shows what the import
          creates and writes nothing. The import creates a draft election of the role you choose (the TAG&apos;s Tech
          Lead role unless you say otherwise) with you as an officer; logins are resolved to GitHub accounts, and people
          new to the portal become placeholders claimed at their first sign-in.
        </Lead>
      </PageHeader>
      <ElektoImportForm tags={tags} roles={roles} />
    </div>
  );
}

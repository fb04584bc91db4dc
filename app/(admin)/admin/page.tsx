import type { Metadata } from "next";
import { PersonLink } from "@/components/ui/person-link";
import Link from "next/link";
import { Forbidden } from "@/components/forbidden";
import { buttonClass, LinkButton } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Section } from "@/components/ui/section";
import { PEOPLE_PAGE_SIZE, searchPeople } from "@/lib/admin/queries";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listTags } from "@/lib/tags/queries";
import { AmbassadorImport } from "./_components/ambassador-import";
import { RoleToggle } from "./_components/role-toggle";
import { OpenReports } from "@/components/reports/open-reports";
import { HiddenTexts } from "@/components/reports/hidden-texts";
import { listHiddenTexts, listOpenReports } from "@/lib/reports/queries";
import { decideReportAction, showTextAgainAction } from "@/app/help-wanted/[id]/actions";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  await requireUser("/admin");
  const actor = await getActor();
  if (!can(actor, "tag.manage")) return <Forbidden what="the admin console" />;
  const { q, page: pageParam } = await searchParams;
  const page = Math.max(0, Number(pageParam) || 0);
  const [tags, found, reports, hiddenBios] = await Promise.all([
    listTags(),
    searchPeople(q, page),
    listOpenReports(null),
    listHiddenTexts(null),
  ]);
  const people = found.slice(0, PEOPLE_PAGE_SIZE);
  const pageHref = (n: number) => `/admin?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  return (
    <div className="space-y-10">
      <PageHeader
        title="Admin"
        compact
        actions={
          <div className="flex gap-4">
            <Link href="/admin/sync" className="text-brand-700 underline">
              GitHub sync
            </Link>
            <Link href="/admin/github" className="text-brand-700 underline">
              GitHub App
            </Link>
            <Link href="/admin/audit" className="text-brand-700 underline">
              Audit log
            </Link>
          </div>
        }
      />
      <Section
        id="tags-h"
        title="TAGs"
        plain
        actions={
          <LinkButton href="/admin/tags/new" small>
            New TAG
          </LinkButton>
        }
      >
        <ul className="divide-y divide-slate-100 rounded-xl bg-white ring-1 ring-slate-200">
          {tags.map((t) => (
            <li key={t.slug} className="flex items-center justify-between px-4 py-2">
              <Link href={`/tags/${t.slug}`} className="text-brand-700 underline">
                {t.name}
              </Link>
              <Link
                href={`/admin/tags/${t.slug}`}
                className="text-sm text-slate-700 underline"
                aria-label={`Edit ${t.name}`}
              >
                Edit
              </Link>
            </li>
          ))}
        </ul>
      </Section>
      {/* Bios have no TAG: their reports come here (issue 18, point 12). */}
      {reports.length > 0 && <OpenReports reports={reports} decide={decideReportAction} />}
      <HiddenTexts texts={hiddenBios} unhide={showTextAgainAction} />
      <Section id="people-h" title="People and global roles" plain>
        <form method="get" className="flex gap-2" role="search">
          <label htmlFor="people-q" className="sr-only">
            Search people
          </label>
          <input
            id="people-q"
            name="q"
            defaultValue={q}
            placeholder="login or name"
            className="w-64 rounded-md border border-slate-300 px-3 py-1.5"
          />
          <button type="submit" className={buttonClass("neutral", true)}>
            Search
          </button>
        </form>
        <DataTable
          caption="People and their global roles"
          framed
          rows={people}

          columns={PEOPLE_COLUMNS}
        />
        <Pager
          label="People pages"
          prev={page > 0 ? { href: pageHref(page - 1), text: "Previous" } : null}
          next={found.length > PEOPLE_PAGE_SIZE ? { href: pageHref(page + 1), text: "Next" } : null}
        />
        <p className="text-sm text-slate-600">Chair and tech-lead seats are granted on each TAG&apos;s page.</p>
      </Section>
      <Section id="amb-h" title="Import CNCF Ambassadors" plain>
        <AmbassadorImport />
      </Section>
    </div>
  );
}

type Person = Awaited<ReturnType<typeof searchPeople>>[number];

/** The global roles, their column and whether a person holds each. */
const ROLES = [
  ["admin", "Admin", (p: Person) => p.isAdmin],
  ["toc", "TOC member", (p: Person) => p.isTocMember],
  ["ambassador", "CNCF Ambassador", (p: Person) => p.isCncfAmbassador],
] as const;

const PEOPLE_COLUMNS: Column<Person>[] = [
  {
    header: "Person",
    cell: (p) => (
      <>
        <PersonLink login={p.login} />
        {p.name && <span className="text-slate-600"> {p.name}</span>}
      </>
    ),
    sort: (p) => p.login,
  },
  ...ROLES.map(([role, header, held]) => ({
    header,
    cell: (p: Person) => <RoleToggle userId={p.id} login={p.login} role={role} held={held(p)} />,
    sort: (p: Person) => (held(p) ? 1 : 0),
  })),
];

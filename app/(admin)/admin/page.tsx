import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/forbidden";
import { PEOPLE_PAGE_SIZE, searchPeople } from "@/lib/admin/queries";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listTags } from "@/lib/tags/queries";
import { AmbassadorImport } from "./_components/ambassador-import";
import { RoleToggle } from "./_components/role-toggle";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  await requireUser("/admin");
  const actor = await getActor();
  if (!can(actor, "tag.manage")) return <Forbidden what="the admin console" />;
  const { q, page: pageParam } = await searchParams;
  const page = Math.max(0, Number(pageParam) || 0);
  const [tags, found] = await Promise.all([listTags(), searchPeople(q, page)]);
  const people = found.slice(0, PEOPLE_PAGE_SIZE);
  return (
    <div className="space-y-10">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">Admin</h1>
        <div className="flex gap-4">
          <Link href="/admin/sync" className="text-brand-700 underline">
            GitHub sync
          </Link>
          <Link href="/admin/audit" className="text-brand-700 underline">
            Audit log
          </Link>
        </div>
      </div>
      <section aria-labelledby="tags-h" className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 id="tags-h" className="text-xl font-semibold text-slate-900">
            TAGs
          </h2>
          <Link
            href="/admin/tags/new"
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            New TAG
          </Link>
        </div>
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
      </section>
      <section aria-labelledby="people-h" className="space-y-3">
        <h2 id="people-h" className="text-xl font-semibold text-slate-900">
          People and global roles
        </h2>
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
          <button type="submit" className="rounded-md bg-white px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300">
            Search
          </button>
        </form>
        <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">People and their global roles</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Person
                </th>
                <th scope="col" className="px-4 py-2">
                  Admin
                </th>
                <th scope="col" className="px-4 py-2">
                  TOC member
                </th>
                <th scope="col" className="px-4 py-2">
                  CNCF Ambassador
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {people.map((p) => (
                <tr key={p.id}>
                  <td className="px-4 py-2">
                    <Link href={`/people/${p.login}`} className="text-brand-700 underline">
                      @{p.login}
                    </Link>
                    {p.name && <span className="text-slate-600"> {p.name}</span>}
                  </td>
                  <td className="px-4 py-2">
                    <RoleToggle userId={p.id} login={p.login} role="admin" held={p.isAdmin} />
                  </td>
                  <td className="px-4 py-2">
                    <RoleToggle userId={p.id} login={p.login} role="toc" held={p.isTocMember} />
                  </td>
                  <td className="px-4 py-2">
                    <RoleToggle userId={p.id} login={p.login} role="ambassador" held={p.isCncfAmbassador} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <nav aria-label="People pages" className="flex gap-4 text-sm">
          {page > 0 && (
            <Link
              href={`/admin?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page - 1) })}`}
              className="text-brand-700 underline"
            >
              Previous
            </Link>
          )}
          {found.length > PEOPLE_PAGE_SIZE && (
            <Link
              href={`/admin?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page + 1) })}`}
              className="text-brand-700 underline"
            >
              Next
            </Link>
          )}
        </nav>
        <p className="text-sm text-slate-600">Chair and tech-lead seats are granted on each TAG&apos;s page.</p>
      </section>
      <section aria-labelledby="amb-h" className="space-y-3">
        <h2 id="amb-h" className="text-xl font-semibold text-slate-900">
          Import CNCF Ambassadors
        </h2>
        <AmbassadorImport />
      </section>
    </div>
  );
}

import { Breadcrumbs } from "@/components/ui/breadcrumbs";

/** The trail of a page under one election: Elections › the election › this page. */
export function ElectionCrumbs({ e, current }: { e: { id: string; title: string }; current: string }) {
  return (
    <Breadcrumbs
      trail={[
        { href: "/elections", label: "Elections" },
        { href: `/elections/${e.id}`, label: e.title },
      ]}
      current={current}
    />
  );
}

/** GitHub logins as links to their people pages (the voter roll, a candidate's endorsers). */
export function LoginList({ logins, className }: { logins: readonly string[]; className: string }) {
  return (
    <ul className={className}>
      {logins.map((login) => (
        <li key={login} className="break-all">
          <a href={`/people/${login}`} className="text-brand-700 underline">
            @{login}
          </a>
        </li>
      ))}
    </ul>
  );
}

import Link from "next/link";

/** A person as "@login", linked to their public profile. */
export function PersonLink({ login, strong = false }: { login: string; strong?: boolean }) {
  return (
    <Link href={`/people/${login}`} className={`${strong ? "font-medium " : ""}text-brand-700 underline`}>
      @{login}
    </Link>
  );
}

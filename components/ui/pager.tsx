import Link from "next/link";

/** Previous and next page links of a list whose pages live in the URL; either may be missing. */
export function Pager({
  label = "Pages",
  prev,
  next,
  middle,
}: {
  label?: string;
  prev?: { href: string; text: string } | null;
  next?: { href: string; text: string } | null;
  middle?: React.ReactNode;
}) {
  if (!prev && !next) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between text-sm">
      {prev ? (
        <Link href={prev.href} rel="prev" className="rounded-md px-3 py-2 text-brand-700 underline">
          {prev.text}
        </Link>
      ) : (
        <span />
      )}
      {middle && <span className="text-slate-700">{middle}</span>}
      {next ? (
        <Link href={next.href} rel="next" className="rounded-md px-3 py-2 text-brand-700 underline">
          {next.text}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

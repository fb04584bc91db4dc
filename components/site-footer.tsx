import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-2 px-4 py-6 text-sm text-slate-600">
        <p>TAG Portal is open source, built for the CNCF&apos;s Technical Advisory Groups and its Ambassadors.</p>
        <nav aria-label="About the portal" className="flex flex-wrap gap-4">
          <Link href="/code-of-conduct" className="text-brand-700 underline">
            Code of Conduct
          </Link>
          <Link href="/privacy" className="text-brand-700 underline">
            Privacy
          </Link>
          <Link href="/docs/api" className="text-brand-700 underline">
            Open data API
          </Link>
        </nav>
      </div>
    </footer>
  );
}

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-600">
        TAG Portal is open source, built for the CNCF&apos;s Technical Advisory Groups and its Ambassadors.
      </div>
    </footer>
  );
}

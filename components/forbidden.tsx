import Link from "next/link";

/** Shown when a signed-in person opens a page their roles do not allow. */
export function Forbidden({ what }: { what: string }) {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-red-700">Not allowed</p>
      <h1 className="mt-2 text-3xl font-bold text-slate-900">You do not have access to {what}</h1>
      <p className="mt-4 text-slate-700">If you think you should, ask a portal admin.</p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
      >
        Back to the start
      </Link>
    </div>
  );
}

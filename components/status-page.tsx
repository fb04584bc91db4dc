import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** A whole-page message (not found, not allowed): a small label, a heading, a sentence, a way back. */
export function StatusPage({
  label,
  labelClass,
  title,
  children,
}: {
  label: string;
  labelClass: string;
  title: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className={`text-sm font-semibold uppercase tracking-wide ${labelClass}`}>{label}</p>
      <h1 className="mt-2 text-3xl font-bold text-slate-900">{title}</h1>
      <p className="mt-4 text-slate-700">{children}</p>
      <Link href="/" className={`mt-6 inline-block ${buttonClass()}`}>
        Back to the start
      </Link>
    </div>
  );
}

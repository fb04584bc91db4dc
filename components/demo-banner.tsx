import Link from "next/link";
import { env } from "@/lib/env";

/** Says on every page that this is a demo whenever DEMO is set. */
export function DemoBanner() {
  if (!env().DEMO) return null;
  return (
    <aside aria-label="Demo notice" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
      This is a demo of TAG Portal: sign-in goes through a local GitHub stand-in, people are fictional, and mail lands
      in the{" "}
      <Link href="/outbox" className="font-medium underline">
        outbox
      </Link>
      .
    </aside>
  );
}

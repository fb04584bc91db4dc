import Link from "next/link";
import { TEXT_KIND_LABEL, type TextKind } from "@/lib/reports/schemas";

/** "A comment on <the page's title>": which text a report or a hiding is about, linked to where it stands. */
export function TextOnPage({ kind, text }: { kind: TextKind; text: { title: string; link: string } | null }) {
  return (
    <>
      A {TEXT_KIND_LABEL[kind]} on{" "}
      {text ? (
        <Link href={text.link} className="font-medium text-brand-700 underline">
          {text.title}
        </Link>
      ) : (
        "a page that no longer exists"
      )}
    </>
  );
}

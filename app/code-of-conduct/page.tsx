import type { Metadata } from "next";
import Link from "next/link";
import { Lead, PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Code of Conduct" };

const CNCF_COC = "https://github.com/cncf/foundation/blob/main/code-of-conduct.md";

/** The CNCF Code of Conduct, which everyone in the TAGs and on this portal follows. */
export default function CodeOfConductPage() {
  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader title="Code of Conduct">
        <Lead>
          TAG Portal is part of the CNCF community, so everything here (help-wanted items, progress updates, election
          statements, bios, check-ins) falls under the{" "}
          <a href={CNCF_COC} className="text-brand-700 underline" rel="noopener noreferrer">
            CNCF Code of Conduct
          </a>
          , the same as the TAGs&apos; meetings, channels and repositories.
        </Lead>
      </PageHeader>
      <Section id="pledge" title="What it asks of everyone" size="lg">
        <ul className="mt-3 list-disc space-y-1 pl-6 text-slate-700">
          <li>
            Make taking part a harassment-free experience for everyone, whatever their experience, gender identity and
            expression, sexual orientation, disability, appearance, body size, race, ethnicity, age, religion or
            nationality.
          </li>
          <li>Be respectful and kind; give and accept feedback on the work, not on the person.</li>
          <li>
            No sexualized language or imagery, personal attacks, trolling, insulting or derogatory comments, or public
            or private harassment.
          </li>
          <li>Never publish anyone&apos;s private information without their explicit permission.</li>
        </ul>
        <p className="mt-3 text-slate-700">The full text is the CNCF&apos;s; this summary does not replace it.</p>
      </Section>
      <Section id="report" title="Reporting a problem" size="lg">
        <p className="mt-3 text-slate-700">
          The{" "}
          <a href={CNCF_COC} className="text-brand-700 underline" rel="noopener noreferrer">
            reporting section of the CNCF Code of Conduct
          </a>{" "}
          says how to reach the people who handle reports; follow it, as it is kept up to date there and this portal
          does not copy the address. For a text on this portal (an item, an update, an election statement or a bio), use
          the “Report this…” link under it: the TAG&apos;s leads see the report and may hide the text. You may also tell
          the TAG&apos;s chairs, listed on each{" "}
          <Link href="/tags" className="text-brand-700 underline">
            TAG page
          </Link>
          .
        </p>
      </Section>
    </div>
  );
}

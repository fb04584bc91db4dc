import ReactMarkdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { Card, Section } from "@/components/ui/section";

const SAFE_PROTOCOL = /^(https?:|mailto:)/i;

/**
 * Links only to http(s) and mailto, or relative ones; react-markdown's default transform already
 * drops `javascript:` and friends, this narrows it further. Anything else renders as plain text.
 */
function urlTransform(url: string): string {
  const safe = defaultUrlTransform(url);
  if (!safe) return "";
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(safe);
  return scheme && !SAFE_PROTOCOL.test(safe) ? "" : safe;
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="nofollow ugc noopener" className="text-brand-700 underline">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Images from the wider web would leak readers' addresses and break the CSP: show the link.
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} rel="nofollow ugc noopener" className="text-brand-700 underline">
        {alt || "image"}
      </a>
    ) : (
      <span>{alt}</span>
    ),
  // Headings in user text start at level 3 so they never outrank the page's own.
  h1: ({ children }) => <h3 className="mt-4 text-lg font-semibold">{children}</h3>,
  h2: ({ children }) => <h3 className="mt-4 text-lg font-semibold">{children}</h3>,
  h3: ({ children }) => <h4 className="mt-3 font-semibold">{children}</h4>,
  h4: ({ children }) => <h5 className="mt-3 font-semibold">{children}</h5>,
  ul: ({ children }) => <ul className="ml-5 list-disc space-y-1">{children}</ul>,
  ol: ({ children }) => <ol className="ml-5 list-decimal space-y-1">{children}</ol>,
  code: ({ children }) => <code className="rounded bg-slate-100 px-1 font-mono text-sm">{children}</code>,
  pre: ({ children }) => <pre className="overflow-x-auto rounded-md bg-slate-100 p-3 text-sm">{children}</pre>,
  blockquote: ({ children }) => (
    <blockquote className="border-l-4 border-slate-300 pl-3 text-slate-700">{children}</blockquote>
  ),
  table: ({ children }) => (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">{children}</table>
    </div>
  ),
};

/**
 * Renders untrusted markdown (item bodies, progress updates) safely: GitHub-flavoured markdown,
 * no raw HTML (react-markdown escapes it; rehype-raw is deliberately absent), links limited to
 * http(s), mailto and relative ones, marked `nofollow ugc noopener`.
 */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={`space-y-3 break-words text-slate-800 ${className ?? ""}`}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} urlTransform={urlTransform} skipHtml components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}

/** A titled text written in markdown, in a card under its heading (an election's description, a candidate's statement). */
export function MarkdownSection({ id, title, text }: { id: string; title: string; text: string }) {
  return (
    <Section id={id} title={title} plain>
      <Card>
        <Markdown>{text}</Markdown>
      </Card>
    </Section>
  );
}

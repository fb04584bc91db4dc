import type { Metadata } from "next";
import { Markdown } from "@/components/markdown";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { DataTable } from "@/components/ui/data-table";
import { Lead, PageHeader } from "@/components/ui/page-header";
import { Card, Heading, Section } from "@/components/ui/section";
import { openApiDocument } from "@/lib/api/openapi";
import { apiReference, type TypePart } from "@/lib/api/reference";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "API reference" };

function TypeText({ parts }: { parts: TypePart[] }) {
  return (
    <span className="font-mono text-xs break-words">
      {parts.map((p, i) =>
        p.ref ? (
          <a key={i} href={`#schema-${p.ref}`} className="text-brand-700 underline">
            {p.text}
          </a>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}

/** The public API's reference, rendered on the server from the same document `/api/v1/openapi.json` serves. */
export default function ApiReferencePage() {
  const ref = apiReference(openApiDocument(env().NEXTAUTH_URL));
  return (
    <div className="space-y-6">
      <PageHeader
        title="API reference"
        eyebrow={<Breadcrumbs trail={[{ href: "/", label: "Home" }]} current="API reference" />}
      >
        <Lead>
          {ref.title} (version {ref.version}), read-only and open to anyone at{" "}
          <code className="break-all">{ref.server}</code>. The machine-readable document is{" "}
          <a href="/api/v1/openapi.json" className="text-brand-700 underline">
            /api/v1/openapi.json
          </a>
          .
        </Lead>
        <Markdown className="max-w-3xl text-slate-700">{ref.description}</Markdown>
      </PageHeader>

      <nav aria-labelledby="endpoints-heading">
        <Card padding="md">
          <Heading id="endpoints-heading" size="base">
            Endpoints
          </Heading>
          <ul className="mt-2 space-y-1">
            {ref.operations.map((op) => (
              <li key={op.id}>
                <a href={`#${op.id}`} className="text-brand-700 underline">
                  <span className="font-mono text-sm">
                    {op.method} {op.path}
                  </span>
                </a>{" "}
                <span className="text-slate-700">{op.summary}</span>
              </li>
            ))}
          </ul>
        </Card>
      </nav>

      {ref.operations.map((op) => (
        <Section
          key={op.id}
          id={op.id}
          title={
            <span className="font-mono break-all">
              {op.method} {op.path}
            </span>
          }
          description={op.summary}
        >
          <div className="mt-4 space-y-4">
            {op.parameters.length > 0 && (
              <DataTable
                caption={`Parameters of ${op.method} ${op.path}`}
                columns={[
                  { header: "Name", cell: (p) => <code>{p.name}</code>, rowHeader: true },
                  { header: "In", cell: (p) => p.in },
                  { header: "Required", cell: (p) => (p.required ? "yes" : "no") },
                  { header: "Type", cell: (p) => <TypeText parts={p.type} /> },
                  { header: "Description", cell: (p) => <Markdown>{p.description}</Markdown> },
                ]}
                rows={op.parameters}
                rowKey={(p) => `${p.in}:${p.name}`}
              />
            )}
            <DataTable
              caption={`Responses of ${op.method} ${op.path}`}
              columns={[
                { header: "Status", cell: (r) => <code>{r.status}</code>, rowHeader: true },
                { header: "Description", cell: (r) => <Markdown>{r.description}</Markdown> },
                { header: "Body", cell: (r) => (r.type.length ? <TypeText parts={r.type} /> : "none") },
              ]}
              rows={op.responses}
              rowKey={(r) => r.status}
            />
          </div>
        </Section>
      ))}

      <Section id="schemas-heading" title="Schemas" plain>
        <div className="mt-4 space-y-4">
          {ref.schemas.map((s) => (
            <Section key={s.name} id={`schema-${s.name}`} level={3} size="lg" title={s.name}>
              {s.fields.length ? (
                <div className="mt-3">
                  <DataTable
                    caption={`Fields of ${s.name}`}
                    columns={[
                      { header: "Field", cell: (f) => <code className="break-all">{f.name}</code>, rowHeader: true },
                      { header: "Type", cell: (f) => <TypeText parts={f.type} /> },
                      { header: "Required", cell: (f) => (f.required ? "yes" : "no") },
                      { header: "Description", cell: (f) => f.description },
                    ]}
                    rows={s.fields}
                    rowKey={(f) => f.name}
                  />
                </div>
              ) : (
                <p className="mt-2">
                  <TypeText parts={s.type} />
                </p>
              )}
            </Section>
          ))}
        </div>
      </Section>
    </div>
  );
}

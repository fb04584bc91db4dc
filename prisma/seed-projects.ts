/**
 * Demo data for the project catalogue: a dozen real CNCF projects (public facts, as CLOMonitor's
 * data/cncf.yaml lists them), written out by hand so the demo needs no download. A real deployment
 * fills the catalogue with `npm run projects:import`. Idempotent: it only adds what is missing.
 */
import type { PrismaClient } from "../lib/generated/prisma/client.ts";
import { importProjects, type ImportSummary } from "../lib/projects/import.ts";
import type { ParsedProject, ProjectRepository } from "../lib/projects/parse-clomonitor.ts";

const repo = (url: string, ...checkSets: string[]): ProjectRepository => ({
  name: url.split("/").pop() ?? url,
  url,
  checkSets,
});

const project = (
  p: Omit<ParsedProject, "homeUrl" | "logoUrl"> & Partial<Pick<ParsedProject, "homeUrl">>,
): ParsedProject => ({
  homeUrl: null,
  // Logos are on another host that the portal's content security policy does not allow.
  logoUrl: null,
  ...p,
});

export const demoProjects: ParsedProject[] = [
  project({
    name: "kubernetes",
    displayName: "Kubernetes",
    description:
      "Kubernetes is an open-source system for automating deployment, scaling, and management of containerized applications",
    category: "orchestration",
    maturity: "graduated",
    acceptedAt: "2016-03-10",
    devstatsUrl: "https://k8s.devstats.cncf.io/",
    repositories: [
      repo("https://github.com/kubernetes/kubernetes", "community", "code"),
      repo("https://github.com/kubernetes/website", "docs"),
      repo("https://github.com/kubernetes/community", "community"),
    ],
  }),
  project({
    name: "prometheus",
    displayName: "Prometheus",
    description: "The Prometheus monitoring system and time series database",
    category: "observability",
    maturity: "graduated",
    acceptedAt: "2016-05-09",
    devstatsUrl: "https://prometheus.devstats.cncf.io/",
    repositories: [
      repo("https://github.com/prometheus/prometheus", "community", "code"),
      repo("https://github.com/prometheus/alertmanager", "code-lite"),
      repo("https://github.com/prometheus/docs", "docs"),
    ],
  }),
  project({
    name: "envoy",
    displayName: "Envoy",
    description: "Envoy is an open source edge and service proxy, designed for cloud-native applications",
    category: "orchestration",
    maturity: "graduated",
    acceptedAt: "2017-09-13",
    devstatsUrl: "https://envoy.devstats.cncf.io/",
    repositories: [
      repo("https://github.com/envoyproxy/envoy", "community", "code"),
      repo("https://github.com/envoyproxy/go-control-plane", "code-lite"),
    ],
  }),
  project({
    name: "helm",
    displayName: "Helm",
    description: "The Kubernetes Package Manager",
    category: "app definition",
    maturity: "graduated",
    acceptedAt: "2018-06-01",
    devstatsUrl: "https://helm.devstats.cncf.io/",
    repositories: [
      repo("https://github.com/helm/helm", "code"),
      repo("https://github.com/helm/community", "community"),
    ],
  }),
  project({
    name: "falco",
    displayName: "Falco",
    description: "Falco, the cloud-native runtime security project, is the de facto Kubernetes threat detection engine",
    category: "provisioning",
    maturity: "graduated",
    acceptedAt: "2018-10-10",
    devstatsUrl: "https://falco.devstats.cncf.io/",
    repositories: [
      repo("https://github.com/falcosecurity/falco", "community", "code"),
      repo("https://github.com/falcosecurity/falcosidekick", "code-lite"),
    ],
  }),
  project({
    name: "open-telemetry",
    displayName: "OpenTelemetry",
    description: "High-quality, ubiquitous, and portable telemetry to enable effective observability",
    category: "observability",
    maturity: "graduated",
    acceptedAt: "2019-05-07",
    devstatsUrl: "https://opentelemetry.devstats.cncf.io/",
    repositories: [
      repo("https://github.com/open-telemetry/community", "community"),
      repo("https://github.com/open-telemetry/opentelemetry-collector", "code"),
      repo("https://github.com/open-telemetry/opentelemetry-specification", "docs"),
    ],
  }),
  project({
    name: "argo",
    displayName: "Argo",
    description: "Open source tools for Kubernetes to run workflows, manage clusters, and do GitOps right",
    category: "app definition",
    maturity: "graduated",
    acceptedAt: "2020-03-26",
    devstatsUrl: "https://argo.devstats.cncf.io/",
    repositories: [
      repo("https://github.com/argoproj/argo-cd", "code"),
      repo("https://github.com/argoproj/argo-workflows", "code"),
      repo("https://github.com/argoproj/argoproj", "community"),
    ],
  }),
  project({
    name: "cilium",
    displayName: "Cilium",
    description: "eBPF-based Networking, Observability, and Security",
    category: "runtime",
    maturity: "graduated",
    acceptedAt: "2021-10-13",
    devstatsUrl: "https://cilium.devstats.cncf.io/",
    repositories: [
      repo("https://github.com/cilium/cilium", "community", "code"),
      repo("https://github.com/cilium/hubble", "code-lite"),
    ],
  }),
  project({
    name: "backstage",
    displayName: "Backstage",
    description: "Backstage is an open platform for building developer portals",
    category: "app definition",
    maturity: "incubating",
    acceptedAt: "2020-09-08",
    devstatsUrl: "https://backstage.devstats.cncf.io/",
    repositories: [
      repo("https://github.com/backstage/backstage", "community", "code"),
      repo("https://github.com/backstage/community", "docs"),
    ],
  }),
  project({
    name: "openfeature",
    displayName: "OpenFeature",
    description: "Standardizing Feature Flagging for Everyone",
    category: "observability",
    maturity: "incubating",
    acceptedAt: "2022-06-17",
    devstatsUrl: "https://openfeature.devstats.cncf.io/",
    repositories: [
      repo("https://github.com/open-feature/spec", "docs"),
      repo("https://github.com/open-feature/flagd", "code-lite"),
    ],
  }),
  project({
    name: "ko",
    displayName: "ko",
    description: "Build and deploy Go applications on Kubernetes",
    category: "app definition",
    maturity: "sandbox",
    acceptedAt: "2022-12-14",
    devstatsUrl: "https://ko.devstats.cncf.io",
    repositories: [repo("https://github.com/ko-build/ko", "community", "code")],
  }),
  project({
    name: "k8sgpt",
    displayName: "K8sGPT",
    description: "Giving Kubernetes Superpowers to everyone",
    category: "observability",
    maturity: "sandbox",
    acceptedAt: "2023-12-19",
    devstatsUrl: "https://k8sgpt.devstats.cncf.io",
    repositories: [
      repo("https://github.com/k8sgpt-ai/k8sgpt", "code"),
      repo("https://github.com/k8sgpt-ai/community", "community"),
    ],
  }),
];

/**
 * Adds the demo projects that the catalogue lacks. The seed runs at every demo start, so it never
 * rewrites a project that is already there: a real import's fuller entries stay as imported.
 */
export async function seedProjects(db: PrismaClient): Promise<ImportSummary> {
  const rows = await db.project.findMany({
    where: { name: { in: demoProjects.map((p) => p.name) } },
    select: { name: true },
  });
  const present = new Set(rows.map((r) => r.name));
  const summary = await importProjects(
    db,
    demoProjects.filter((p) => !present.has(p.name)),
  );
  return { ...summary, unchanged: [...summary.unchanged, ...present] };
}

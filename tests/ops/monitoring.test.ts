import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { metrics } from "@/lib/observability/metrics";

/** The alert rules and the dashboard only name metrics the processes export. */
const root = path.resolve(import.meta.dirname, "../..");
const alerts = parse(fs.readFileSync(path.join(root, "deploy/prometheus/alerts.yaml"), "utf8")) as {
  groups: { rules: { alert: string; expr: string; labels: { severity: string } }[] }[];
};
const dashboard = JSON.parse(fs.readFileSync(path.join(root, "deploy/grafana/tag-portal.json"), "utf8")) as {
  panels: { title: string; targets: { expr: string }[] }[];
};

async function exported(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const m of await metrics().registry.getMetricsAsJSON()) {
    names.add(m.name);
    if (String(m.type) === "histogram") for (const s of ["_bucket", "_count", "_sum"]) names.add(`${m.name}${s}`);
  }
  return names;
}

const used = (expr: string) => [...expr.matchAll(/\btagportal_\w+/g)].map((m) => m[0]);

describe("monitoring", () => {
  const rules = alerts.groups.flatMap((g) => g.rules);

  it("alerts on errors, latency, queue backlog, failed syncs and backup age", () => {
    const names = rules.map((r) => r.alert);
    for (const a of [
      "TagPortalHighErrorRate",
      "TagPortalSlowPages",
      "TagPortalQueueBacklog",
      "TagPortalSyncFailed",
      "TagPortalBackupTooOld",
    ])
      expect(names).toContain(a);
    for (const r of rules) expect(["page", "warn"]).toContain(r.labels.severity);
  });

  it("names only metrics that the portal exports", async () => {
    const names = await exported();
    const unknown = [...rules.map((r) => r.expr), ...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr))]
      .flatMap(used)
      .filter((n) => !names.has(n));
    expect(unknown).toEqual([]);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { describeImport, importProjects } from "./import";
import { parseClomonitor } from "./parse-clomonitor";
import { findProject, listProjectCategories, listProjects } from "./queries";
import { parseProjectFilters } from "./schemas";

const sample = readFileSync(path.join(import.meta.dirname, "fixtures/clomonitor-sample.yaml"), "utf8");

function parse(text: string) {
  const { projects, errors } = parseClomonitor(text);
  expect(errors).toEqual([]);
  return projects;
}

const snapshot = () => db.project.findMany({ orderBy: { name: "asc" } });

// The tests share this file's database and run in order: each builds on the previous import.
describe("importing CLOMonitor projects", () => {
  it("creates the projects that have a maturity and names those it skips", async () => {
    const summary = await importProjects(db, parse(sample), new Date("2026-07-01T10:00:00Z"));
    expect(summary).toEqual({
      created: ["tidewatch", "kelpie-mesh", "driftwood"],
      updated: [],
      unchanged: [],
      skipped: [{ name: "cncf-tag-fictional", reason: "no maturity given" }],
    });
    const row = await db.project.findUniqueOrThrow({ where: { name: "tidewatch" } });
    expect(row).toMatchObject({
      displayName: "Tidewatch",
      maturity: "graduated",
      category: "observability",
      devstatsUrl: "https://tidewatch.devstats.example.org/",
    });
    expect(row.acceptedAt?.toISOString()).toBe("2019-04-02T00:00:00.000Z");
    expect(row.repositories).toEqual([
      { name: "spec", url: "https://github.com/tidewatch-example/spec", checkSets: ["community"] },
      { name: "tidewatch", url: "https://github.com/tidewatch-example/tidewatch", checkSets: ["code"] },
    ]);
  });

  it("is idempotent: a second import writes nothing, not even importedAt", async () => {
    const before = await snapshot();
    const summary = await importProjects(db, parse(sample), new Date("2026-07-02T10:00:00Z"));
    expect(describeImport(summary)).toBe("0 created, 0 updated, 3 unchanged, 1 skipped");
    expect(await snapshot()).toEqual(before);
  });

  it("updates only the project whose entry changed", async () => {
    const at = new Date("2026-07-03T10:00:00Z");
    const changed = sample.replace(
      "Tidewatch collects metrics from fictional tide gauges",
      "Tidewatch watches fictional tides",
    );
    const summary = await importProjects(db, parse(changed), at);
    expect(summary.updated).toEqual(["tidewatch"]);
    expect(summary.unchanged).toEqual(["kelpie-mesh", "driftwood"]);
    const rows = await snapshot();
    expect(rows.find((r) => r.name === "tidewatch")).toMatchObject({
      description: "Tidewatch watches fictional tides",
      importedAt: at,
    });
    expect(rows.find((r) => r.name === "driftwood")?.importedAt).toEqual(new Date("2026-07-01T10:00:00Z"));
    // A maturity change and a new repository count as changes too.
    const promoted = changed
      .replace("maturity: incubating", "maturity: graduated")
      .replace(
        "      url: https://github.com/driftwood-example/driftwood",
        "      url: https://github.com/driftwood-example/driftwood\n    - name: docs\n      url: https://github.com/driftwood-example/docs",
      );
    expect((await importProjects(db, parse(promoted), at)).updated).toEqual(["kelpie-mesh", "driftwood"]);
    expect((await importProjects(db, parse(promoted), at)).updated).toEqual([]);
  });

  it("leaves projects that a later file does not list", async () => {
    const onlyFirst = sample
      .slice(0, sample.indexOf("- name: kelpie-mesh"))
      .replace("Tidewatch collects metrics from fictional tide gauges", "Tidewatch watches fictional tides");
    const summary = await importProjects(db, parse(onlyFirst));
    expect(describeImport(summary)).toBe("0 created, 0 updated, 1 unchanged, 0 skipped");
    expect(await db.project.count()).toBe(3);
  });
});

describe("catalogue queries", () => {
  const list = (params: Record<string, string>) =>
    listProjects(parseProjectFilters(params)).then((r) => ({ ...r, names: r.projects.map((p) => p.name) }));

  it("searches name, display name and description, case-insensitively", async () => {
    expect((await list({ q: "TIDE" })).names).toEqual(["tidewatch"]);
    expect((await list({ q: "kelpie mesh" })).names).toEqual(["kelpie-mesh"]);
    expect((await list({ q: "underwater" })).names).toEqual(["kelpie-mesh"]);
    expect((await list({ q: "no such thing" })).total).toBe(0);
    // LIKE's wildcards are matched as text, not as patterns.
    expect((await list({ q: "%" })).total).toBe(0);
    expect((await list({ q: "_" })).total).toBe(0);
    expect((await list({ q: "\\" })).total).toBe(0);
    expect((await list({ q: "kelpie-" })).names).toEqual(["kelpie-mesh"]);
  });

  it("filters by maturity and category, together with a search", async () => {
    expect((await list({ maturity: "graduated" })).names).toEqual(["kelpie-mesh", "tidewatch"]);
    expect((await list({ maturity: "sandbox" })).names).toEqual(["driftwood"]);
    expect((await list({ category: "app definition" })).names).toEqual(["driftwood"]);
    expect((await list({ maturity: "graduated", q: "fictional", category: "orchestration" })).names).toEqual([
      "kelpie-mesh",
    ]);
    expect(await listProjectCategories()).toEqual(["app definition", "observability", "orchestration"]);
  });

  it("sorts by name or acceptance date and pages past the end to the last page", async () => {
    expect((await list({})).names).toEqual(["driftwood", "kelpie-mesh", "tidewatch"]);
    expect((await list({ sort: "newest" })).names).toEqual(["driftwood", "kelpie-mesh", "tidewatch"]);
    expect((await list({ sort: "oldest" })).names).toEqual(["tidewatch", "kelpie-mesh", "driftwood"]);
    expect(await list({ page: "9" })).toMatchObject({ page: 1, pageCount: 1, total: 3 });
  });

  it("finds one project with its repositories, and null for an unknown name", async () => {
    const p = await findProject("driftwood");
    expect(p?.repositories.map((r) => r.name)).toEqual(["driftwood", "docs"]);
    expect(await findProject("nope")).toBeNull();
  });
});

describe("the demo seed", () => {
  it("passes the importer's own checks, adds its projects once, and never rewrites an imported one", async () => {
    const { demoProjects, seedProjects } = await import("@/prisma/seed-projects");
    const names = demoProjects.map((p) => p.name);
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(new Set(names).size).toBe(names.length);
    for (const p of demoProjects) {
      expect(p.name).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(p.maturity, p.name).not.toBeNull();
      for (const url of [p.devstatsUrl, ...p.repositories.map((r) => r.url)])
        expect(url, p.name).toMatch(/^https:\/\//);
    }
    await db.project.create({
      data: { name: "prometheus", displayName: "Prometheus (imported)", maturity: "graduated", importedAt: new Date() },
    });
    const first = await seedProjects(db);
    expect(first.created).toHaveLength(names.length - 1);
    expect(first.unchanged).toEqual(["prometheus"]);
    const again = await seedProjects(db);
    expect(again.created).toEqual([]);
    expect(again.unchanged.sort()).toEqual([...names].sort());
    expect((await db.project.findUniqueOrThrow({ where: { name: "prometheus" } })).displayName).toBe(
      "Prometheus (imported)",
    );
    expect((await listProjects(parseProjectFilters({ q: "prom" }))).projects.map((p) => p.name)).toEqual([
      "prometheus",
    ]);
  });
});

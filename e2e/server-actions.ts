import fs from "node:fs";

/**
 * Every server action of the production build, with the path of a page that carries it (dynamic
 * segments filled with a uuid nobody has): what a caller outside the portal's own forms can reach.
 */
export function serverActions(): { id: string; name: string; path: string }[] {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string; workers: Record<string, unknown> }>;
  };
  const anyId = "00000000-0000-4000-8000-000000000000";
  return Object.entries(manifest.node).map(([id, v]) => {
    const worker = Object.keys(v.workers)[0] ?? "app/page";
    const path = worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\[[^\]]+\]/g, anyId);
    return { id, name: v.exportedName, path: path || "/" };
  });
}

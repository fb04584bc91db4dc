/**
 * `npm run bench:cpu-profile -- <file.cpuprofile|folder>`: where a V8 CPU profile (from
 * `npm run bench:pages -- --cpu-prof DIR`) spends its time: self time by function and by package
 * or source folder, and inclusive time of the portal's own frames, the top entries each.
 * Options: `--top N` (default 25), `--skip S` (leave out the first S seconds: start-up).
 */
import fs from "node:fs";
import path from "node:path";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const target = process.argv[2];
if (!target) throw new Error("usage: bench:cpu-profile <file.cpuprofile|folder> [--top N]");
const top = Number(process.argv[process.argv.indexOf("--top") + 1] || 25) || 25;
const files = fs.statSync(target).isDirectory()
  ? fs
      .readdirSync(target)
      .filter((f) => f.endsWith(".cpuprofile"))
      .map((f) => path.join(target, f))
  : [target];
// The biggest profile is the server's (the CLI wrapper, if any, writes a small one too).
const file = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
if (!file) throw new Error(`no .cpuprofile in ${target}`);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// Self time per node from the samples (microseconds).
const self = new Map<number, number>();
// `--skip S` leaves out the first S seconds (the server's start-up and warm-up), so shares are those of serving.
const skip = Number(process.argv[process.argv.indexOf("--skip") + 1] || 0) * 1e6 || 0;
let at = 0;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at >= skip) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** A frame's place: the npm package, or the portal's source folder, or a V8 pseudo-frame. */
function placeOf(url: string, fn: string): string {
  if (!url) return `(${fn || "native"})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:")) return "node core";
  const chunk = /\.next\/server\/(.*)$/.exec(url);
  return chunk ? `.next/server/${chunk[1]!.split("/").slice(0, 2).join("/")}` : url;
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const selfByFn = new Map<string, number>();
const selfByPlace = new Map<string, number>();
const inclusiveByFn = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  const { functionName, url, lineNumber } = n.callFrame;
  add(selfByFn, `${functionName || "(anonymous)"} ${placeOf(url, functionName)}:${lineNumber + 1}`, t);
  add(selfByPlace, placeOf(url, functionName), t);
  // Inclusive: every distinct frame on the stack of this sample gets the time once.
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const f = byId.get(cur)!.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${placeOf(f.url, f.functionName)}:${f.lineNumber + 1}`;
    if (!seen.has(key)) {
      seen.add(key);
      add(inclusiveByFn, key, t);
    }
  }
}

const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
function print(title: string, m: Map<string, number>, filter: (k: string) => boolean = () => true) {
  console.log(`\n${title}`);
  for (const [k, t] of [...m]
    .filter(([k]) => filter(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    console.log(`${pct(t)}  ${k}`);
}
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled${skip ? ` after the first ${skip / 1e6} s` : ""}`);
print("self time by package or folder", selfByPlace);
print("self time by function", selfByFn);
print("inclusive time, frames of interest (React render, the portal's chunks, Prisma, pg)", inclusiveByFn, (k) =>
  /react-dom|\.next\/server|@prisma|pg\b|renderToReadableStream|renderTo/.test(k),
);

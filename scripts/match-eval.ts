/**
 * `npm run match:eval`: precision@5 of the matching model on the hand-labelled set in
 * lib/matching/eval/ (people, items, good pairs). Prints each person's top 5 (good ones marked)
 * with the reasons, then the mean, the ceiling the labels allow and a person-blind baseline.
 * Options: `--k N` (default 5), `--quiet` (figures only).
 */
import { evaluate } from "../lib/matching/eval/evaluate.ts";

const i = process.argv.indexOf("--k");
const k = i >= 0 ? Number(process.argv[i + 1]) : 5;
if (!Number.isInteger(k) || k < 1) throw new Error("--k takes a whole number from 1");
const e = evaluate(k);
if (!process.argv.includes("--quiet")) {
  for (const p of e.people) {
    console.log(`${p.id} (${p.about}): precision@${k} ${p.precision.toFixed(2)}, ${p.good} good items labelled`);
    for (const t of p.top) console.log(`  ${t.good ? "+" : "-"} ${t.id} ${t.title}\n      ${t.line}`);
  }
  console.log("");
}
console.log(
  `precision@${k}: ${e.precision.toFixed(3)} over ${e.people.length} people (ceiling with these labels ${e.ceiling.toFixed(3)}; person-blind baseline ${e.baseline.toFixed(3)})`,
);

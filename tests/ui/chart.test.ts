import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart, ColumnChart } from "@/components/ui/chart";

const html = renderToString(
  createElement(ColumnChart, {
    caption: "Help wanted per month",
    columns: [
      { label: "Oct 2026", short: "Oct" },
      { label: "Nov 2026", short: "Nov" },
    ],
    series: [
      { name: "Opened", values: [3, 0] },
      { name: "Median days", values: [2.5, null] },
    ],
  }),
);

describe("ColumnChart", () => {
  it("offers every value in a table named by the caption, a missing value as none", () => {
    const table = html.slice(html.indexOf("<table"), html.indexOf("</table>"));
    expect(table).toContain("<caption>Help wanted per month</caption>");
    expect(table).toMatch(/<th scope="row">Oct 2026<\/th><td>3<\/td><td>2.5<\/td>/);
    expect(table).toMatch(/<th scope="row">Nov 2026<\/th><td>0<\/td><td>none<\/td>/);
  });

  it("draws one column per positive value with a legend for several series, and no inline style", () => {
    expect(html.match(/<rect\b/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Help wanted per month: Oct 2026 to Nov 2026"');
    expect(html).toMatch(/<li[^>]*>.*Opened<\/li>/);
    expect(html).not.toMatch(/\sstyle=/);
  });
});

describe("BarChart and ColumnChart", () => {
  it("write coordinates to a tenth of a unit (each is written per bar)", () => {
    const bars = renderToString(
      createElement(BarChart, {
        caption: "Open items per TAG",
        bars: [3771, 3681, 3815].map((value, i) => ({ label: `TAG ${i}`, value, max: 3700 })),
      }),
    );
    const columns = renderToString(
      createElement(ColumnChart, {
        caption: "Per quarter",
        columns: ["Q1", "Q2", "Q3"].map((label) => ({ label })),
        series: [
          { name: "A", values: [40, 49, 48] },
          { name: "B", values: [23, 7, 11] },
        ],
        stacked: true,
      }),
    );
    for (const html of [bars, columns]) {
      const numbers = [...html.matchAll(/\s(?:x|y|x1|x2|y1|y2|width|height)="([^"]+)"/g)].map((m) => m[1]!);
      expect(numbers.length).toBeGreaterThan(10);
      for (const n of numbers) expect(n).toMatch(/^-?\d+(\.\d)?$/);
    }
  });
});

import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ColumnChart } from "@/components/ui/chart";

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

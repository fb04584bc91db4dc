import { afterAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isDbSpan, startOtlpCollector } from "../../scripts/ops/processes";
import { startTracing } from "./tracing";

const collector = await startOtlpCollector();
afterAll(() => collector.server.close());

// The worker's case: pg reaches this process as an ES module import, not through require (which
// is what the instrumentation's load hook watches), and the database client may exist already.
it("exports a span for each PostgreSQL query once traces are on, whichever way pg was loaded", async () => {
  await db.$queryRaw`SELECT 1 AS before_tracing`;
  const provider = await startTracing({ serviceName: "tag-portal-test-worker", endpoint: collector.url });
  await db.$queryRaw`SELECT 2 AS traced_query`;
  await provider.forceFlush();
  const dbSpans = collector.spans.filter(isDbSpan);
  expect(dbSpans.map((s) => s.service)).toContain("tag-portal-test-worker");
  expect(dbSpans.map((s) => JSON.stringify(s.attributes))).toEqual(
    expect.arrayContaining([expect.stringContaining("traced_query")]),
  );
  await provider.shutdown();
});

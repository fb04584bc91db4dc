import { hrTimeToMilliseconds } from "@opentelemetry/core";
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from "@opentelemetry/sdk-trace-node";
import {
  AlwaysOnSampler,
  ParentBasedSampler,
  SamplingDecision,
  type ReadableSpan,
  type Sampler,
} from "@opentelemetry/sdk-trace-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from "@opentelemetry/semantic-conventions";
import { logger } from "./logger";
import { metrics } from "./metrics";
import { pathForLog } from "./redact";

const HANDLE_REQUEST = "BaseServer.handleRequest";

/** How long a request span that may be a proxy pass waits for its render pass before it is logged alone. */
const PASS_WAIT_MS = 250;

interface Pending {
  timer: NodeJS.Timeout;
  startMs: number;
}

/**
 * One access-log line and one latency observation per HTTP request, taken from the request span
 * Next.js opens for every request (so no route needs wrapping). When proxy.ts lets a request
 * through, Next.js opens a second request span (the render pass) as a child of the first: the
 * first waits briefly and is dropped once its render pass starts, which then reports the whole
 * request from the first span's start.
 */
export class AccessLogProcessor implements SpanProcessor {
  private pending = new Map<string, Pending>();
  private startOf = new Map<string, number>();

  onStart(span: { attributes: Record<string, unknown>; parentSpanContext?: { spanId: string } }): void {
    if (span.attributes["next.span_type"] !== HANDLE_REQUEST) return;
    const parent = span.parentSpanContext?.spanId;
    const outer = parent ? this.pending.get(parent) : undefined;
    if (!outer || !parent) return;
    clearTimeout(outer.timer);
    this.pending.delete(parent);
    this.startOf.set(parent, outer.startMs);
  }

  onEnd(span: ReadableSpan): void {
    if (span.attributes["next.span_type"] !== HANDLE_REQUEST) return;
    const parent = span.parentSpanContext?.spanId;
    const outerStart = parent ? this.startOf.get(parent) : undefined;
    const startMs = hrTimeToMilliseconds(span.startTime);
    const endMs = startMs + hrTimeToMilliseconds(span.duration);
    if (outerStart !== undefined) {
      this.startOf.delete(parent!);
      return this.report(span, endMs - outerStart);
    }
    if (typeof span.attributes["next.route"] === "string") return this.report(span, endMs - startMs);
    // Possibly a proxy pass: report it only if no render pass follows.
    const id = span.spanContext().spanId;
    const timer = setTimeout(() => {
      this.pending.delete(id);
      this.report(span, endMs - startMs);
    }, PASS_WAIT_MS);
    timer.unref();
    this.pending.set(id, { timer, startMs });
  }

  private report(span: ReadableSpan, ms: number): void {
    const a = span.attributes;
    const method = String(a["http.method"] ?? "GET");
    const status = Number(a["http.status_code"] ?? 0);
    const path = pathForLog(String(a["http.target"] ?? ""));
    const route =
      typeof a["next.route"] === "string" ? a["next.route"] : path.startsWith("/_next/") ? "static" : "other";
    metrics().httpDuration.observe({ method, route, status: String(status) }, ms / 1000);
    const quiet = route.startsWith("/api/health") || route === "/api/metrics" || route === "static";
    const level = status >= 500 ? "error" : quiet ? "debug" : "info";
    logger()[level]({ reqId: span.spanContext().traceId, method, path, route, status, ms: Math.round(ms) }, "request");
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Without an exporter only the request spans are recorded: they are the access log, the latency
 * metric and the request id. Next.js opens a dozen more spans per page (routing, each segment,
 * metadata), and recording them cost about 7 % of the CPU of a cheap API request in a profile
 * (docs/decisions/018-render-speed.md); unrecorded spans still carry the request's trace id, so
 * every log line keeps it.
 */
export const requestSpansOnly: Sampler = {
  shouldSample: (_context, _traceId, _name, _kind, attributes) => ({
    decision: attributes["next.span_type"] === HANDLE_REQUEST ? SamplingDecision.RECORD : SamplingDecision.NOT_RECORD,
  }),
  toString: () => "RequestSpansOnly",
};

/**
 * With an exporter every span is recorded as its parent says (a new trace: sampled), but a request
 * span is always recorded: a client sending `traceparent` with the sampled flag off would otherwise
 * leave no access-log line and no latency figure.
 */
const parentBased = new ParentBasedSampler({ root: new AlwaysOnSampler() });
export const exportedSpans: Sampler = {
  shouldSample: (context, traceId, name, kind, attributes, links) => {
    const result = parentBased.shouldSample(context, traceId, name, kind, attributes, links);
    return result.decision === SamplingDecision.NOT_RECORD && attributes["next.span_type"] === HANDLE_REQUEST
      ? { ...result, decision: SamplingDecision.RECORD }
      : result;
  },
  toString: () => "ExportedSpans",
};

/**
 * Registers the tracer provider Next.js reports its spans to. Always on: the request span is
 * the request id of every log line and the source of the access log. Spans leave the process
 * only when OTEL_EXPORTER_OTLP_ENDPOINT is set; then PostgreSQL queries get spans too.
 */
export async function startTracing(opts: { serviceName: string; endpoint?: string; version?: string }) {
  const processors: SpanProcessor[] = [new AccessLogProcessor()];
  if (opts.endpoint) {
    const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-http");
    const url = `${opts.endpoint.replace(/\/$/, "")}/v1/traces`;
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url }), { scheduledDelayMillis: 1000 }));
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: opts.serviceName,
      ...(opts.version ? { [ATTR_SERVICE_VERSION]: opts.version } : {}),
    }),
    spanProcessors: processors,
    sampler: opts.endpoint ? exportedSpans : requestSpansOnly,
  });
  provider.register();
  if (opts.endpoint) {
    const { registerInstrumentations } = await import("@opentelemetry/instrumentation");
    const { PgInstrumentation } = await import("@opentelemetry/instrumentation-pg");
    const pgSpans = new PgInstrumentation();
    registerInstrumentations({ tracerProvider: provider, instrumentations: [pgSpans] });
    // The hook above patches pg only when it is loaded with require (the web: Next.js requires it,
    // an external package). The worker imports it as an ES module (tsx) or carries it bundled (the
    // image), which no hook sees: patch the one copy this process uses directly (patching twice is a no-op).
    const pgModule = await import("pg");
    for (const d of pgSpans.getModuleDefinitions()) if (d.name === "pg") d.patch?.(pgModule);
    logger().info({ endpoint: opts.endpoint }, "exporting traces");
  }
  return provider;
}

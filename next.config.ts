import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";

/** Headers for every response (docs/security.md, "Content Security Policy and headers"); the CSP with its nonce is set per request in proxy.ts. */
const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig = (phase: string): NextConfig => ({
  poweredByHeader: false,
  // Every build writes the self-contained server folder the image runs (Dockerfile, docs/deployment.md;
  // the image test, the drills and bench:replicas start it). Only the build: `next start`, which the
  // demo and the e2e servers run from a checkout, reads this too and warns that it does not serve a
  // standalone build; what it serves is the same build either way.
  output: phase === PHASE_PRODUCTION_BUILD ? "standalone" : undefined,
  // The readiness probe compares the committed migrations with the database's record of them.
  outputFileTracingIncludes: { "/api/health/ready": ["./prisma/migrations/**/*"] },
  reactStrictMode: true,
  experimental: {
    // proxy.ts sees every request, and buffers at most this much of a body for the route behind it:
    // enough for an officer's Elekto upload (an archive of up to 10 MB, decision 019), which goes to
    // its own route handler (/elections/import/upload). Server actions keep Next.js's 1 MB limit.
    proxyClientMaxBodySize: "11mb",
  },
  // Metrics and telemetry keep per-process state: one copy from node_modules, not one per bundle.
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "nodemailer",
    "pino",
    "prom-client",
    "@opentelemetry/api",
    "@opentelemetry/sdk-trace-node",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/instrumentation",
    "@opentelemetry/instrumentation-pg",
  ],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
});

export default nextConfig;

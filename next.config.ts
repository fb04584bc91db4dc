import type { NextConfig } from "next";

/** Headers for every response (SECURITY.md); the CSP with its nonce is set per request in proxy.ts. */
const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // One self-contained server folder for the image (Dockerfile, docs/deployment.md).
  output: "standalone",
  // The readiness probe compares the committed migrations with the database's record of them.
  outputFileTracingIncludes: { "/api/health/ready": ["./prisma/migrations/**/*"] },
  reactStrictMode: true,
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
};

export default nextConfig;

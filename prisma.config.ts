import { defineConfig } from "prisma/config";

// Prisma 7 does not load .env itself, and the `env()` helper throws when a variable is unset
// (even for `prisma generate`), so the URL is read directly and may be absent.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});

import { afterAll, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/prisma-client";

// One connection: a second transaction can start only when the first gives its connection back.
const client = createPrismaClient(process.env.DATABASE_URL!, { max: 1 });
afterAll(() => client.$disconnect());

it("a transaction waits for a busy pool longer than Prisma's 2 s default instead of failing to start", async () => {
  const held = client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_sleep(3)`;
    return "first";
  });
  // Started while the only connection is held for 3 s.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const waiting = client.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ n: number }[]>`SELECT 1 AS n`;
    return rows[0]!.n;
  });
  await expect(Promise.all([held, waiting])).resolves.toEqual(["first", 1]);
});

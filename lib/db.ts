import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * The one Prisma client. In development Next.js reloads modules, so the client is kept on
 * globalThis to avoid a new pool per reload.
 */
function createClient(): PrismaClient {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. `npm run demo` and `npm run dev` set it for the embedded database.");
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: env().DATABASE_POOL_SIZE }) });
}

const g = globalThis as { tagPortalDb?: PrismaClient };

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    g.tagPortalDb ??= createClient();
    const value = Reflect.get(g.tagPortalDb, prop);
    return typeof value === "function" ? value.bind(g.tagPortalDb) : value;
  },
});

/**
 * A transaction client (what `db.$transaction(async (tx) => ...)` passes), and the type of a
 * function that reads or writes either inside a transaction or on its own: `db` is one too.
 */
export type Tx = Prisma.TransactionClient;

export async function disconnectDb(): Promise<void> {
  await g.tagPortalDb?.$disconnect();
  g.tagPortalDb = undefined;
}

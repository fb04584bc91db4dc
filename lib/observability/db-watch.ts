import pg from "pg";
import { logger } from "./logger";
import { dbHealth, markDbDown, markDbUp, noteDbError } from "./db-health";

const PROBE_EVERY_MS = 500;

/**
 * Watches the pool the Prisma client uses: a server restart errors its idle connections at once,
 * and a refused connection fails a checkout; either marks the database down. While it is down a
 * probe connects every half second and marks it up again as soon as the server answers.
 */
export function watchPool(pool: pg.Pool, url: string): void {
  const log = logger().child({ component: "db" });
  pool.on("error", (e) => {
    log.warn({ err: e }, "database connection lost");
    markDbDown(e);
  });
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  pool.connect = ((...args: unknown[]) => {
    if (args.length) return (pool.constructor as typeof pg.Pool).prototype.connect.apply(pool, args as never);
    return connect().catch((e: unknown) => {
      if (noteDbError(e)) log.warn({ err: e }, "database unreachable");
      throw e;
    });
  }) as typeof pool.connect;

  let probing = false;
  dbHealth().startProbe = () => {
    if (probing) return;
    probing = true;
    const tick = async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
      client.on("error", () => {});
      try {
        await client.connect();
        await client.query("SELECT 1");
        markDbUp();
        log.info("database reachable again");
      } catch (e) {
        markDbDown(e);
      } finally {
        await client.end().catch(() => {});
      }
      if (dbHealth().down) setTimeout(() => void tick(), PROBE_EVERY_MS).unref();
      else probing = false;
    };
    setTimeout(() => void tick(), PROBE_EVERY_MS).unref();
  };
}

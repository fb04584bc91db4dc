// Stands in for the `server-only` marker package under Vitest, which runs lib/ outside Next.
export {};

import type { Region as DbRegion } from "../generated/prisma/enums.ts";

/** The CNCF's regions (the Prisma enum `Region`; the type check below keeps the two in step). */
export const REGIONS = ["APAC", "EMEA", "Americas"] as const;
export type Region = (typeof REGIONS)[number];

/** An election's seats are counted per region, plus seats open to any region. */
export const SEAT_REGIONS = [...REGIONS, "any"] as const;
export type SeatRegion = (typeof SEAT_REGIONS)[number];

export const REGION_LABEL: Record<SeatRegion, string> = {
  APAC: "APAC",
  EMEA: "EMEA",
  Americas: "Americas",
  any: "any region",
};

export const isRegion = (v: unknown): v is Region => (REGIONS as readonly unknown[]).includes(v);
export const isSeatRegion = (v: unknown): v is SeatRegion => (SEAT_REGIONS as readonly unknown[]).includes(v);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _regionsAgree: Same<Region, DbRegion> = true;

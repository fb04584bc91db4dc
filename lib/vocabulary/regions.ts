import type * as Db from "../generated/prisma/enums.ts";
import { LABELS, type Same } from "./labelled.ts";

/** The CNCF's regions (the Prisma enum `Region`; the type check below keeps the two in step). */
export const REGIONS = ["APAC", "EMEA", "Americas"] as const;
export type Region = (typeof REGIONS)[number];

/** An election's seats are counted per region, plus seats open to any region. */
export const SEAT_REGIONS = [...REGIONS, "any"] as const;
export type SeatRegion = (typeof SEAT_REGIONS)[number];

export const REGION_LABEL: Readonly<Record<SeatRegion, string>> = LABELS.region;

export const isRegion = (v: unknown): v is Region => (REGIONS as readonly unknown[]).includes(v);
export const isSeatRegion = (v: unknown): v is SeatRegion => (SEAT_REGIONS as readonly unknown[]).includes(v);

const _regionsAgree: Same<Region, Db.Region> = true;
const _labelsAgree: Same<keyof typeof LABELS.region, SeatRegion> = true;

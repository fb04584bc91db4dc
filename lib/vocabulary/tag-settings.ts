import type { LeadershipModel as DbLeadershipModel } from "@/lib/generated/prisma/enums";
import { labelled } from "./labelled.ts";

/**
 * A TAG's settings: their keys, defaults and human labels, for the settings page, the admin TAG
 * form, the TAG page, the seed and the tests. Chairs (and admins) change the first group; the TOC
 * decides the rules of its own decisions (`removalSupermajority`), which chairs only read.
 */

/** How a TAG fills its leadership seats. */
export const { keys: LEADERSHIP_MODELS, label: LEADERSHIP_MODEL_LABEL } = labelled({
  appointment: "Appointment by consensus, with escalation to the TOC",
  election: "Elections",
  both: "Both: some roles elected, others appointed by consensus",
  consensus: "Consensus at a meeting, open to objections for a week, with escalation to the TOC",
});
export type LeadershipModel = (typeof LEADERSHIP_MODELS)[number];

/** Settings a TAG's chairs (and admins) change. */
export const CHAIR_SETTING_KEYS = [
  "activityMinRecords",
  "activityWindowMonths",
  "leaveCountsTowardCaps",
  "staleAfterDays",
  "boardReviewMonths",
  "leadershipModel",
  "autoAccept",
  "maxActiveClaims",
] as const;
/** Settings only TOC members (or admins) change: they decide chairs' own removal. */
export const TOC_SETTING_KEYS = ["removalSupermajority"] as const;
export const TAG_SETTING_KEYS = [...CHAIR_SETTING_KEYS, ...TOC_SETTING_KEYS] as const;
export type TagSettingKey = (typeof TAG_SETTING_KEYS)[number];

export interface TagSettings {
  activityMinRecords: number;
  activityWindowMonths: number;
  leaveCountsTowardCaps: boolean;
  staleAfterDays: number;
  boardReviewMonths: number;
  leadershipModel: LeadershipModel;
  autoAccept: boolean;
  maxActiveClaims: number;
  removalSupermajority: number;
}

/** The defaults of a new TAG (the database defaults of `Tag` say the same). */
export const TAG_SETTING_DEFAULTS: TagSettings = {
  activityMinRecords: 3,
  activityWindowMonths: 6,
  leaveCountsTowardCaps: true,
  staleAfterDays: 21,
  boardReviewMonths: 6,
  leadershipModel: "appointment",
  autoAccept: false,
  maxActiveClaims: 3,
  removalSupermajority: 0.6667,
};

export const TAG_SETTING_LABEL: Record<TagSettingKey, string> = {
  activityMinRecords: "Contributions needed to count as active",
  activityWindowMonths: "Activity window (months)",
  leaveCountsTowardCaps: "A seat on leave counts toward regional and employer caps",
  staleAfterDays: "Claims stale after (days)",
  boardReviewMonths: "Board review every (months)",
  leadershipModel: "Leadership model",
  autoAccept: "Auto-accept volunteers",
  maxActiveClaims: "Max active claims per person",
  removalSupermajority: "Share of TOC votes needed to remove a leader",
};

/** One setting's value in words ("yes", "6 months", "67%"). */
export function settingText(key: TagSettingKey, value: unknown): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (key === "leadershipModel") return LEADERSHIP_MODEL_LABEL[value as LeadershipModel] ?? String(value);
  if (key === "removalSupermajority" && typeof value === "number") return `${Math.round(value * 100)}%`;
  return String(value);
}

/** The activity rule in words: "at least 3 contributions in 6 months". */
export function activityRuleText(s: Pick<TagSettings, "activityMinRecords" | "activityWindowMonths">): string {
  const n = Math.max(1, s.activityMinRecords);
  return `at least ${n} contribution${n === 1 ? "" : "s"} in ${s.activityWindowMonths} month${s.activityWindowMonths === 1 ? "" : "s"}`;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _modelsAgree: Same<LeadershipModel, DbLeadershipModel> = true;

import type * as Db from "../generated/prisma/enums.ts";
import { LABELS, labelled, type Same } from "./labelled.ts";

/**
 * A TAG's settings: their keys, defaults and human labels, for the settings page, the admin TAG
 * form, the TAG page, the seed and the tests. Chairs (and admins) change the first group; the TOC
 * decides the rules of its own decisions (`removalSupermajority`), which chairs only read.
 */

/** How a TAG fills its leadership seats. */
export const { keys: LEADERSHIP_MODELS, label: LEADERSHIP_MODEL_LABEL } = labelled(LABELS.leadershipModel);
export type LeadershipModel = (typeof LEADERSHIP_MODELS)[number];

/** Every setting, in the settings page's order, with its label. */
export const { keys: TAG_SETTING_KEYS, label: TAG_SETTING_LABEL } = labelled(LABELS.tagSetting);
export type TagSettingKey = (typeof TAG_SETTING_KEYS)[number];
/** Settings only TOC members (or admins) change: they decide chairs' own removal. */
export const TOC_SETTING_KEYS = ["removalSupermajority"] as const satisfies readonly TagSettingKey[];
type ChairSettingKey = Exclude<TagSettingKey, (typeof TOC_SETTING_KEYS)[number]>;
/** Settings a TAG's chairs (and admins) change: all the others. */
export const CHAIR_SETTING_KEYS = TAG_SETTING_KEYS.filter(
  (k): k is ChairSettingKey => !(TOC_SETTING_KEYS as readonly string[]).includes(k),
);

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

const _modelsAgree: Same<LeadershipModel, Db.LeadershipModel> = true;
const _settingsAgree: Same<TagSettingKey, keyof TagSettings> = true;

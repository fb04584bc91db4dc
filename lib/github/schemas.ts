import { z } from "zod";

const REPO = z
  .string()
  .trim()
  .regex(/^[\w.-]{1,100}\/[\w.-]{1,100}$/, "A repository is owner/name");

export const StartSyncSchema = z.strictObject({ tagSlug: z.string().regex(/^[a-z0-9-]{1,60}$/, "Choose a TAG") });

/** A lead or admin sets which labels mark an issue as help wanted in one repository (one per line or comma-separated). */
export const HelpWantedLabelsSchema = z.strictObject({
  repo: REPO,
  labels: z.string().max(1000, "Keep the list under 1,000 characters"),
});
export type HelpWantedLabelsInput = z.infer<typeof HelpWantedLabelsSchema>;

/** An admin maps a repository of a GitHub App installation to a TAG (or unmaps it: no TAG). */
export const MapRepositorySchema = z.strictObject({
  repo: z
    .string()
    .trim()
    .regex(/^[\w.-]{1,100}\/[\w.-]{1,100}$/, "A repository is owner/name"),
  tagSlug: z.union([z.literal(""), z.string().regex(/^[a-z0-9-]{1,60}$/, "Choose a TAG")]),
});
export type MapRepositoryInput = z.infer<typeof MapRepositorySchema>;
/** A lead creates the GitHub issue of an item in one of its TAG's repositories (issue 19 point 2). */
export const CreateIssueSchema = z.strictObject({ itemId: z.uuid(), repo: REPO });
export type CreateIssueInput = z.infer<typeof CreateIssueSchema>;

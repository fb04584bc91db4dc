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

/**
 * A lead links the TAG's GitHub project board (issue 22 point 2): its URL
 * (`https://github.com/orgs/<owner>/projects/<n>`, or `/users/<owner>/...`), or its owner and number.
 */
export const ProjectLinkSchema = z
  .strictObject({
    tagId: z.uuid(),
    projectUrl: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .trim()
        .max(300)
        .regex(
          /^https:\/\/[^/\s]+\/(?:orgs|users)\/[A-Za-z0-9-]{1,39}\/projects\/\d{1,9}\/?(?:views\/\d+)?$/,
          "A project's address looks like https://github.com/orgs/<owner>/projects/<number>",
        )
        .optional(),
    ),
    owner: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9-]{1,39}$/, "An owner is a GitHub organisation or user name")
        .optional(),
    ),
    number: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.coerce.number().int("A project number is a whole number").min(1).max(999_999_999).optional(),
    ),
  })
  .refine((v) => v.projectUrl !== undefined || (v.owner !== undefined && v.number !== undefined), {
    error: "Give the project's address, or its owner and number",
    path: ["projectUrl"],
  });
export type ProjectLinkInput = z.infer<typeof ProjectLinkSchema>;
export const ProjectTagSchema = z.strictObject({ tagId: z.uuid() });

/** A lead opens the tags.yaml pull request of a pending roster change now (issue 19 point 4). */
export const RosterPullSchema = z.strictObject({ decisionId: z.uuid() });
export type RosterPullInput = z.infer<typeof RosterPullSchema>;

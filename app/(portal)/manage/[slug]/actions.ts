"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { linkTagProject, unlinkTagProject } from "@/lib/github/projects";
import { openRosterPullNow } from "@/lib/github/roster-pulls";
import { ProjectLinkSchema, ProjectTagSchema, RosterPullSchema } from "@/lib/github/schemas";
import { retrySlackDelivery } from "@/lib/slack/deliveries";
import { SlackDeliverySchema, SlackSettingsSchema, SlackTagSchema } from "@/lib/slack/schemas";
import { removeSlackSettings, saveSlackSettings } from "@/lib/slack/settings";

export const saveSlackSettingsAction = defineAction(
  SlackSettingsSchema,
  (input, actor) => saveSlackSettings(actor, input),
  { revalidate: (r) => revalidatePath(`/manage/${r.slug}`) },
);

export const removeSlackSettingsAction = defineAction(
  SlackTagSchema,
  (input, actor) => removeSlackSettings(actor, input),
  { revalidate: (r) => revalidatePath(`/manage/${r.slug}`) },
);

export const retrySlackDeliveryAction = defineAction(SlackDeliverySchema, (input, actor) =>
  retrySlackDelivery(actor, input),
);

export const linkTagProjectAction = defineAction(ProjectLinkSchema, async (input, actor) => {
  const r = await linkTagProject(actor, input);
  revalidatePath(`/manage/${r.slug}`);
  return r;
});

export const unlinkTagProjectAction = defineAction(ProjectTagSchema, async (input, actor) => {
  const r = await unlinkTagProject(actor, input);
  revalidatePath(`/manage/${r.slug}`);
  return r;
});

export const openRosterPullAction = defineAction(RosterPullSchema, async (input, actor) => {
  const r = await openRosterPullNow(actor, input);
  revalidatePath(`/manage/${r.slug}`);
  return r;
});

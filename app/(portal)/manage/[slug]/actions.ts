"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { linkTagProject, unlinkTagProject } from "@/lib/github/projects";
import { ProjectLinkSchema, ProjectTagSchema } from "@/lib/github/schemas";
import { retrySlackDelivery } from "@/lib/slack/deliveries";
import { SlackDeliverySchema, SlackSettingsSchema, SlackTagSchema } from "@/lib/slack/schemas";
import { removeSlackSettings, saveSlackSettings } from "@/lib/slack/settings";

export const saveSlackSettingsAction = defineAction(SlackSettingsSchema, async (input, actor) => {
  const r = await saveSlackSettings(actor, input);
  revalidatePath(`/manage/${r.slug}`);
  return r;
});

export const removeSlackSettingsAction = defineAction(SlackTagSchema, async (input, actor) => {
  const r = await removeSlackSettings(actor, input);
  revalidatePath(`/manage/${r.slug}`);
  return r;
});

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

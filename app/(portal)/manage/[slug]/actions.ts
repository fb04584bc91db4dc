"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
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

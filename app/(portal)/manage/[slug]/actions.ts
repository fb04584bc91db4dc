"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
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

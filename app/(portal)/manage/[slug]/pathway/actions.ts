"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { saveLadder } from "@/lib/pathways/ladders";
import { pairMentor } from "@/lib/pathways/pairings";
import { PairMentorSchema, SaveLadderSchema } from "@/lib/pathways/schemas";

function refresh() {
  revalidatePath("/manage/[slug]/pathway", "page");
  revalidatePath("/pathways");
  revalidatePath("/people/[login]", "page");
}

export const saveLadderAction = defineAction(SaveLadderSchema, (input, actor) => saveLadder(actor, input), {
  successMessage: (r) => `Ladder saved (${r.steps} steps, version ${r.version}).`,
  revalidate: refresh,
});

export const pairMentorAction = defineAction(PairMentorSchema, (input, actor) => pairMentor(actor, input), {
  successMessage: (r) => `@${r.mentor} now mentors @${r.mentee}.`,
  revalidate: refresh,
});

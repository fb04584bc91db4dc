import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findPersonByLogin } from "@/lib/people/resolve";
import { stepNeedingSignOff } from "./sign-offs";

export interface ShadowFields {
  shadowMentorId: string | null;
  shadowStep: string | null;
}

const refuse = (field: "mentor" | "step" | "tags" | "kind", message: string): never => {
  throw new AppError("INVALID", message, { [field]: [message] });
};

/**
 * What a help-wanted item stores of shadowing (issue 21). A "Shadowing" item belongs to one TAG,
 * names a step of that TAG's ladder that asks for a mentor's sign-off, and a mentor who holds that
 * right there: someone a lead paired as a mentor in the TAG (the same people who sign off through
 * a pairing). Any other kind names neither, so a mentor is never stored where nobody reads it.
 */
export async function shadowFieldsOf(
  input: { kind: string; mentor?: string; step?: string },
  tags: readonly { id: string; name?: string }[],
): Promise<ShadowFields> {
  if (input.kind !== "shadow") {
    if (input.mentor) refuse("mentor", "Only a Shadowing item names a mentor: leave it empty or choose Shadowing.");
    if (input.step) refuse("step", "Only a Shadowing item names a ladder step: leave it empty or choose Shadowing.");
    return { shadowMentorId: null, shadowStep: null };
  }
  if (tags.length !== 1) refuse("tags", "A Shadowing item belongs to exactly one TAG: its ladder names the step.");
  if (!input.step) refuse("step", "Name the ladder step the mentor's sign-off counts toward.");
  if (!input.mentor) refuse("mentor", "Name the mentor who signs off, by GitHub login.");
  const tag = await db.tag.findUniqueOrThrow({ where: { id: tags[0]!.id }, select: { id: true, name: true } });
  const step = await stepNeedingSignOff(tag.id, input.step!);
  const mentor = await findPersonByLogin(input.mentor!, "mentor");
  const mentors = await db.mentorPairing.count({ where: { tagId: tag.id, mentorId: mentor.id, endedAt: null } });
  if (mentors === 0)
    refuse(
      "mentor",
      `@${mentor.login} mentors nobody in ${tag.name}: a lead pairs them as a mentor on the TAG's pathway page first.`,
    );
  return { shadowMentorId: mentor.id, shadowStep: step.name };
}

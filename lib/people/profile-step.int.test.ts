import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { createUser } from "@/tests/factories";
import { code } from "@/tests/fixtures";
import { completeProfileStep, getProfileStep, needsProfileStep, skipProfileStep } from "./profile-step";
import { ProfileStepSchema } from "./schemas";

const newcomer = () => createUser({ region: null, timezone: null });

describe("the first sign-in's profile step", () => {
  it("is asked until done; saves only its own fields, with the profile's rules", async () => {
    const u = await newcomer();
    await db.user.update({ where: { id: u.id }, data: { bio: "Kept", employer: "Acme" } });
    const actor = await loadActor(u.id);
    expect(await needsProfileStep(u.id)).toBe(true);

    const bad = ProfileStepSchema.safeParse({
      region: "Mars",
      timezone: "Nowhere/Land",
      skills: [],
      interests: [],
      hoursPerMonth: "",
    });
    expect(bad.success).toBe(false);
    expect(await code(completeProfileStep(actor, { region: "EMEA", timezone: "Nowhere/Land" } as never))).toBe(
      "INVALID",
    );
    expect(await needsProfileStep(u.id)).toBe(true);

    const input = ProfileStepSchema.parse({
      region: "APAC",
      timezone: "asia/tokyo",
      skills: ["go", "Writing"],
      interests: [],
      hoursPerMonth: "8",
    });
    await completeProfileStep(actor, input);
    expect(await getProfileStep(u.id)).toEqual({
      region: "APAC",
      timezone: "Asia/Tokyo",
      skills: input.skills,
      interests: [],
      hoursPerMonth: 8,
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row).toMatchObject({ bio: "Kept", employer: "Acme" });
    expect(row.profileStepAt).not.toBeNull();
    expect(await needsProfileStep(u.id)).toBe(false);
  });

  it("skipping stops the question; a profile already filled in is not asked; signed out is refused", async () => {
    const u = await newcomer();
    await skipProfileStep(await loadActor(u.id));
    expect(await needsProfileStep(u.id)).toBe(false);
    const row = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.region).toBeNull();

    const filled = await createUser();
    await db.user.update({ where: { id: filled.id }, data: { skills: ["Go"] } });
    expect(await needsProfileStep(filled.id)).toBe(false);

    expect(await code(skipProfileStep(null))).toBe("FORBIDDEN");
  });
});

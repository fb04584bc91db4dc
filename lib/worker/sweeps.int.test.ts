import { describe, expect, it } from "vitest";
import { advanceClock, now } from "@/lib/clock";
import { countUnread } from "@/lib/notify/queries";
import { createUser } from "@/tests/factories";
import { sweeps } from "./sweeps";
import { DAY } from "@/lib/vocabulary";
const profileSweep = sweeps.find((s) => s.name === "sweep-profile-reminders")!;

describe("clock and sweeps", () => {
  it("moves the clock forward only", async () => {
    const before = await now();
    const after = await advanceClock(2 * DAY);
    expect(after.getTime() - before.getTime()).toBeGreaterThanOrEqual(2 * DAY);
    expect((await now()).getTime()).toBeGreaterThanOrEqual(after.getTime());
    await expect(advanceClock(-1)).rejects.toThrow(/forward/);
  });

  it("reminds people with an incomplete profile once, a week after they joined", async () => {
    const t = await now();
    const fresh = await createUser({ timezone: null, createdAt: new Date(t.getTime() - 2 * DAY) });
    const due = await createUser({ timezone: null, createdAt: new Date(t.getTime() - 8 * DAY) });
    const complete = await createUser({ createdAt: new Date(t.getTime() - 30 * DAY) });
    await profileSweep.run(t);
    await profileSweep.run(t);
    expect(await countUnread(due.id)).toBe(1);
    expect(await countUnread(fresh.id)).toBe(0);
    expect(await countUnread(complete.id)).toBe(0);
    await profileSweep.run(new Date(t.getTime() + 6 * DAY));
    expect(await countUnread(fresh.id)).toBe(1);
  });
});

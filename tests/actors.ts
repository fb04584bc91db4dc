/** Actors built in memory, for tests of rules that take an actor rather than loading one. */
import type { Actor } from "@/lib/auth/permissions";

/** A signed-in person with no role at all unless `over` gives one. */
export const actorOf = (id: string, over: Partial<Actor> = {}): Actor => ({
  id,
  isAdmin: false,
  isTocMember: false,
  isCncfAmbassador: false,
  leadTagIds: [],
  chairTagIds: [],
  ...over,
});

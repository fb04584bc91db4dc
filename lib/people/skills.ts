// TEMP-REEXPORT
export { CURATED_INTERESTS, CURATED_SKILLS } from "@/lib/vocabulary";

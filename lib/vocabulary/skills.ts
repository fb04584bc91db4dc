/**
 * The curated skills and interests people pick from on `/me` (free tags are allowed too).
 * Help-wanted items and matching use the same words, so keep spellings stable: a free tag that
 * equals one of these (ignoring case) is stored with the curated spelling.
 */
export const CURATED_SKILLS = [
  "Kubernetes",
  "Security",
  "Observability",
  "Networking",
  "Storage",
  "Platform engineering",
  "CI/CD",
  "Go",
  "Rust",
  "Python",
  "Technical writing",
  "Documentation",
  "Public speaking",
  "Event organizing",
  "Community management",
  "Mentoring",
  "Translation",
  "Design and UX",
  "Project assessment",
  "Governance",
] as const;

export const CURATED_INTERESTS = [
  "Security and compliance",
  "Observability",
  "Developer experience",
  "Platform engineering",
  "Networking",
  "Storage",
  "Runtime",
  "AI and ML workloads",
  "Sustainability",
  "Education",
  "Contributor growth",
  "Diversity and inclusion",
  "End users",
  "Events",
] as const;

import type { ReactNode } from "react";

const TONES = {
  success: "bg-green-50 text-green-900 ring-green-200",
  warning: "bg-amber-50 text-amber-950 ring-amber-200",
  error: "bg-red-50 text-red-900 ring-red-200",
} as const;

/**
 * A message in a tinted box: what just happened (`role="status"`), a warning (`role="alert"`) or
 * a note. Plain text gets a paragraph; anything else is wrapped as it is.
 */
export function Notice({
  tone = "success",
  role,
  className = "",
  children,
}: {
  tone?: keyof typeof TONES;
  role?: "status" | "alert" | "note";
  className?: string;
  children: ReactNode;
}) {
  const Tag = typeof children === "string" || Array.isArray(children) ? "p" : "div";
  return (
    <Tag role={role} className={`rounded-md p-3 ring-1 ${TONES[tone]} ${className}`.trim()}>
      {children}
    </Tag>
  );
}

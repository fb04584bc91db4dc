import { z } from "zod";

/** The one error type for expected failures; codes map to HTTP statuses in route handlers. */
export const ERROR_CODES = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 400,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Prisma's unique violation (P2002) means someone else got there first. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/** A schema's refusal as the AppError forms show field by field. */
export function invalidInput(error: z.ZodError): AppError {
  const flat = z.flattenError(error);
  return new AppError("INVALID", "Some fields need attention.", flat.fieldErrors as Record<string, string[]>);
}

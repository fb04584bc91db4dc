import "server-only";
import { z } from "zod";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { itemSchema, type ItemInput } from "@/lib/help-wanted/schemas";

/**
 * The item form posts TAGs and labels as repeated checkboxes; the schema takes comma-separated
 * lists. Everything else is one value per name.
 */
export function itemFormToObject(raw: unknown): unknown {
  if (!(raw instanceof FormData)) return raw;
  const out: Record<string, unknown> = {};
  for (const key of new Set(raw.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = raw.getAll(key).map(String);
    out[key] = key === "tags" || key === "labels" ? values.join(",") : values[values.length - 1];
  }
  return out;
}

/** Parses with the portal clock (a due date must be in the future of *that* clock). */
export async function parseItemInput(raw: unknown): Promise<ItemInput> {
  const parsed = itemSchema(await now()).safeParse(raw);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    throw new AppError(
      "INVALID",
      flat.formErrors[0] ?? "Some fields need attention.",
      flat.fieldErrors as Record<string, string[]>,
    );
  }
  return parsed.data;
}

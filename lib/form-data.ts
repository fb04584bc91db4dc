/**
 * The one way a form's FormData becomes an object (pure: server actions and client forms use it).
 * One value per name, or a list when a name repeats (checkbox groups), so a strict schema sees
 * every box that was checked. Next.js's own `$ACTION_*` fields are not the form's and are
 * dropped; any other unknown name is kept so that a strict schema refuses it (no mass assignment
 * through extra fields). Files are not form fields here: they arrive as their names.
 */
export function formDataToObject(fd: FormData): Record<string, string | string[]> {
  const entries: [string, string | string[]][] = [];
  for (const key of new Set(fd.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = fd.getAll(key).map((v) => (typeof v === "string" ? v : v.name));
    entries.push([key, values.length > 1 ? values : values[0]!]);
  }
  // fromEntries defines own properties, so a field named "__proto__" cannot reach a prototype.
  return Object.fromEntries(entries);
}

/** What was typed, to show again after a refused submission: lists comma-joined. */
export function formDataToText(fd: FormData): Record<string, string> {
  return Object.fromEntries(
    Object.entries(formDataToObject(fd)).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]),
  );
}

/**
 * Opaque keyset cursors of the API's lists (pure): base64url of the last row's sort key, as a
 * JSON array of strings. Damaged or foreign cursors decode to null (the API answers 400).
 */
const toBase64Url = (s: string) => Buffer.from(s, "utf8").toString("base64url");

export function encodeKeyCursor(key: readonly string[]): string {
  return toBase64Url(JSON.stringify(key));
}

export function decodeKeyCursor(cursor: string, length: number): string[] | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(v) && v.length === length && v.every((x) => typeof x === "string" && x.length <= 200)
      ? (v as string[])
      : null;
  } catch {
    return null;
  }
}

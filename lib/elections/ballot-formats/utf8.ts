/**
 * UTF-8 bytes to text as Node's `Buffer#toString("utf8")` does it (a byte-order mark stays in the
 * text, bad bytes become U+FFFD), without Buffer, so the readers stay usable outside Node.
 */
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** The text of `bytes[start, end)`. */
export function decodeUtf8(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return decoder.decode(bytes.subarray(start, end));
}

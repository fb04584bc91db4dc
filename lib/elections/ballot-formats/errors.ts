/**
 * A ballot file that cannot be read. The message starts with the place at fault, `line N` or a
 * JSON field path, so a person can open the file there.
 */
export class BallotFormatError extends Error {
  readonly line: number | undefined;
  readonly field: string | undefined;

  constructor(message: string, place: { line?: number; field?: string }) {
    const where = [place.line === undefined ? undefined : `line ${place.line}`, place.field].filter(Boolean).join(", ");
    super(where ? `${where}: ${message}` : message);
    this.name = "BallotFormatError";
    this.line = place.line;
    this.field = place.field;
  }
}

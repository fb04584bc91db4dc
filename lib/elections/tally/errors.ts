/**
 * Input a count cannot accept (bad rules, equal ranks for STV, too few seats). `where` names the
 * field or ballot line at fault, so the CLI can point at it and exit with code 2.
 */
export class TallyInputError extends Error {
  readonly where: string | undefined;

  constructor(message: string, where?: string) {
    super(where ? `${where}: ${message}` : message);
    this.name = "TallyInputError";
    this.where = where;
  }
}

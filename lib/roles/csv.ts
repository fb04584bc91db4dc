/**
 * RFC 4180 CSV (pure): CRLF line ends, every cell quoted when it holds a comma, quote, CR or LF,
 * quotes doubled. Cells starting with = + - @ (or a tab or CR) are prefixed with `'` so a
 * spreadsheet does not run them as formulas (OWASP CSV injection).
 */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

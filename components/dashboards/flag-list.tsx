/** What needs the TOC's attention in a TAG, one line each; a green line when nothing does. */
export function FlagList({
  flags,
  label,
  small = false,
}: {
  flags: readonly string[];
  label?: string;
  small?: boolean;
}) {
  if (flags.length === 0)
    return <p className={`mt-2 text-green-800 ${small ? "text-sm" : ""}`}>Nothing needs attention.</p>;
  return (
    <ul aria-label={label} className={`mt-2 space-y-1 ${small ? "text-sm" : ""}`}>
      {flags.map((f) => (
        <li key={f} className="rounded bg-amber-50 px-2 py-1 text-amber-950 ring-1 ring-amber-200">
          {f}
        </li>
      ))}
    </ul>
  );
}

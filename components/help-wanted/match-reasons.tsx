/** Why an item matches a person (or a person an item), in plain words: on cards and in the lead's suggestions. */
export function MatchReasons({ line, label = "Why it matches you" }: { line: string; label?: string }) {
  if (!line) return null;
  return (
    <p className="mt-3 rounded-md bg-brand-50 p-2 text-sm text-slate-800 ring-1 ring-brand-100">
      <span className="font-medium text-brand-800">{label}:</span> {line}.
    </p>
  );
}

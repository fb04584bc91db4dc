import { StatusPage } from "./status-page";

/** Shown when a signed-in person opens a page their roles do not allow. */
export function Forbidden({ what }: { what: string }) {
  return (
    <StatusPage label="Not allowed" labelClass="text-red-700" title={`You do not have access to ${what}`}>
      If you think you should, ask a portal admin.
    </StatusPage>
  );
}

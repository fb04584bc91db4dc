import { StatusPage } from "@/components/status-page";

export default function NotFound() {
  return (
    <StatusPage label="404" labelClass="text-brand-700" title="We could not find that page">
      The link may be old, or the TAG, item or election may have moved.
    </StatusPage>
  );
}

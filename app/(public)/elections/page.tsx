import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";

export const metadata: Metadata = { title: "Elections" };

export default function ElectionsPage() {
  return (
    <ComingSoon title="Elections">
      <p>No Tech Lead elections are running. When a TAG opens nominations, the election appears here with its windows, candidates and, once published, its results.</p>
    </ComingSoon>
  );
}

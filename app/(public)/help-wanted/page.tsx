import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";

export const metadata: Metadata = { title: "Help wanted" };

export default function HelpWantedPage() {
  return (
    <ComingSoon title="Help wanted">
      <p>The help-wanted board is not open yet. TAG chairs and tech leads will post work here, and ambassadors will volunteer for it.</p>
    </ComingSoon>
  );
}

import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await requireUser("/toc");
  return (
    <ComingSoon title="Dashboard">
      <p>Leadership dashboards (seats, regions, employers, terms ending, activity) are not available yet.</p>
    </ComingSoon>
  );
}

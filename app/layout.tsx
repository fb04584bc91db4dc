import type { Metadata, Viewport } from "next";
import { DemoBanner } from "@/components/demo-banner";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { env } from "@/lib/env";
import "./globals.css";

const description = "Help-wanted work, rosters and Tech Lead elections for the CNCF's Technical Advisory Groups.";

/** Icons, manifest and social preview live in public/; link previews need absolute URLs, hence the base. */
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(env().NEXTAUTH_URL),
    title: { default: "TAG Portal", template: "%s · TAG Portal" },
    description,
    applicationName: "TAG Portal",
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "48x48" },
        { url: "/favicon.svg", type: "image/svg+xml" },
      ],
      apple: "/apple-touch-icon.png",
    },
    manifest: "/manifest.webmanifest",
    openGraph: {
      type: "website",
      siteName: "TAG Portal",
      title: "TAG Portal",
      description,
      images: [{ url: "/og-image.png", width: 1200, height: 630, alt: "TAG Portal" }],
    },
    twitter: { card: "summary_large_image", images: ["/og-image.png"] },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <DemoBanner />
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}

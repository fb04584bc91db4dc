import Link from "next/link";
import type { ReactNode } from "react";

const VARIANTS = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "bg-white text-brand-800 ring-1 ring-brand-300 hover:bg-brand-50",
  danger: "bg-white text-red-800 ring-1 ring-red-300 hover:bg-red-50",
  destructive: "bg-red-700 text-white hover:bg-red-800",
  neutral: "bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50",
  dark: "bg-slate-800 text-white hover:bg-slate-900",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

/** The classes of a button (or a link that looks like one): `small` for buttons inside lists and tables. */
export function buttonClass(variant: ButtonVariant = "primary", small = false): string {
  return `rounded-md font-medium disabled:opacity-60 ${small ? "px-3 py-1.5 text-sm" : "px-4 py-2"} ${VARIANTS[variant]}`;
}

/** A link that looks like a button: the page's main call to action. */
export function LinkButton({
  href,
  variant = "primary",
  small = false,
  children,
}: {
  href: string;
  variant?: ButtonVariant;
  small?: boolean;
  children: ReactNode;
}) {
  return (
    <Link href={href} className={buttonClass(variant, small)}>
      {children}
    </Link>
  );
}

import type { ReactNode } from "react";
import { LanguageSwitch } from "./language-switch";

/** The centred card of the public pages (sign-in, setup, accept, set-password), with a language switch. */
export function AuthCard({
  title,
  intro,
  children,
  wide,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <main
      id="main"
      className="flex min-h-screen items-start justify-center px-4 py-10 sm:items-center"
    >
      <div
        className={`w-full ${wide ? "max-w-2xl" : "max-w-md"} rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8`}
      >
        <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
          <p className="text-brand-700 text-lg font-bold">CertPortal</p>
          <LanguageSwitch compact />
        </div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {intro ? (
          <div className="mt-2 mb-6 text-sm text-slate-600">{intro}</div>
        ) : (
          <div className="mb-6" />
        )}
        {children}
      </div>
    </main>
  );
}

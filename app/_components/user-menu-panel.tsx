"use client";

import Link from "next/link";
import { signOutAction } from "@/app/_actions/session";
import { Disclosure } from "./disclosure";
import { LanguageForm } from "./language-form";

/**
 * The user menu, built in the browser from its texts: its panel is made when
 * it opens, so a page carries a few strings instead of the panel's markup.
 */
export function UserMenuPanel({
  text,
  locale,
}: {
  text: {
    label: string;
    name: string;
    signedInAs: string;
    role: string;
    language: string;
    zone: string;
    changeZone: string;
    signOut: string;
  };
  locale: string;
}) {
  return (
    <Disclosure
      label={text.label}
      buttonContent={
        <span className="block max-w-[9rem] truncate font-medium sm:max-w-[16rem]">
          {text.name}
        </span>
      }
    >
      {() => (
        <>
          <p className="text-sm">{text.signedInAs}</p>
          <p className="mb-3 text-xs text-slate-600">{text.role}</p>
          <div className="mb-3">
            <LanguageForm label={text.language} locale={locale} />
          </div>
          <p className="mb-3 text-sm">
            {text.zone}{" "}
            <Link href="/account/time-zone" className="text-brand-700 underline">
              {text.changeZone}
            </Link>
          </p>
          <form action={signOutAction}>
            <button className="w-full rounded-md border border-slate-300 px-3 py-2 text-left text-sm hover:bg-slate-50">
              {text.signOut}
            </button>
          </form>
        </>
      )}
    </Disclosure>
  );
}

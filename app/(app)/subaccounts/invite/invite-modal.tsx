"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { type InvitableType } from "@/lib/enums";
import { focusEmail, InviteForm } from "./invite-form";

/** "Invite subaccount" as a window over the list; Escape or Cancel goes back to the list. */
export function InviteModal({
  types,
  defaultLocale,
  title,
  intro,
}: {
  types: InvitableType[];
  defaultLocale: string | null;
  title: string;
  intro: string;
}) {
  const t = useTranslations("invite");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
    // The window opens on the address to type, not on its close button.
    focusEmail(dialog.current);
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={() => router.back()}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-6">
        <div className="mb-2 flex items-start justify-between gap-4">
          <h2 id={titleId} className="text-xl font-semibold">
            {title}
          </h2>
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            aria-label={t("close")}
            className="rounded px-2 text-xl leading-none"
          >
            ×
          </button>
        </div>
        <p className="mb-4 text-sm text-slate-600">{intro}</p>
        <InviteForm
          types={types}
          defaultLocale={defaultLocale}
          onCancel={() => dialog.current?.close()}
        />
      </div>
    </dialog>
  );
}

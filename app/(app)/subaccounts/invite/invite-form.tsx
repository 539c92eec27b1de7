"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { LanguageSelect } from "@/app/_components/language-select";
import { Field, fieldErrors, FormMessage, keptValue, SubmitButton } from "@/app/_components/form";
import { CUSTOM_MESSAGE_MAX } from "@/lib/invitations/rules";
import type { InvitableType } from "@/lib/subaccounts/rules";
import { inviteSubaccount } from "./actions";

export function InviteForm({
  types,
  defaultLocale,
  onCancel,
}: {
  types: InvitableType[];
  defaultLocale: string | null;
  onCancel?: () => void;
}) {
  const t = useTranslations("invite");
  const tAll = useTranslations();
  const locale = useLocale();
  const [state, formAction] = useActionState(inviteSubaccount, undefined);
  const [withMessage, setWithMessage] = useState(keptValue(state, "sendCustomMessage") === "on");
  const [length, setLength] = useState(0);
  const ids = {
    type: useId(),
    note: useId(),
    message: useId(),
    hint: useId(),
    typeError: useId(),
    messageError: useId(),
  };
  const existingId = state && !state.ok ? state.params?.existingId : undefined;
  const typeErrors = fieldErrors(state, "subaccountType");
  const messageErrors = fieldErrors(state, "customMessage");

  if (types.length === 0) return <p className="text-sm text-slate-700">{t("noTypes")}</p>;

  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      {existingId ? (
        <Link
          href={`/subaccounts/invitations/${existingId}`}
          className="text-brand-700 text-sm underline"
        >
          {tAll("invitation.resend")}
        </Link>
      ) : null}
      <Field
        label={t("email")}
        name="email"
        type="email"
        autoComplete="off"
        required
        state={state}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.type} className="text-sm font-medium text-slate-800">
          {t("type")}
        </label>
        <select
          id={ids.type}
          name="subaccountType"
          defaultValue={keptValue(state, "subaccountType") ?? types[0]}
          aria-describedby={[ids.note, typeErrors.length ? ids.typeError : ""]
            .filter(Boolean)
            .join(" ")}
          aria-invalid={typeErrors.length > 0 || undefined}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm"
        >
          {types.map((type) => (
            <option key={type} value={type}>
              {tAll(`accountTypes.${type}`)}
            </option>
          ))}
        </select>
        <p id={ids.note} className="text-xs text-slate-600">
          {t("typeNote")}
        </p>
        {typeErrors.length ? (
          <p id={ids.typeError} className="text-sm text-red-700">
            {tAll(typeErrors[0]!.code, typeErrors[0]!.params)}
          </p>
        ) : null}
      </div>
      <LanguageSelect
        label={t("language")}
        defaultValue={keptValue(state, "locale") ?? defaultLocale ?? locale}
      />
      <div className="flex items-center gap-2">
        <input
          id={`${ids.message}-toggle`}
          type="checkbox"
          name="sendCustomMessage"
          checked={withMessage}
          onChange={(e) => setWithMessage(e.currentTarget.checked)}
          aria-controls={ids.message}
          aria-expanded={withMessage}
          className="size-4"
        />
        <label htmlFor={`${ids.message}-toggle`} className="text-sm font-medium text-slate-800">
          {t("sendCustomMessage")}
        </label>
      </div>
      <div id={ids.message} hidden={!withMessage} className="flex flex-col gap-1">
        <label htmlFor={`${ids.message}-text`} className="text-sm font-medium text-slate-800">
          {t("customMessage")}
        </label>
        <textarea
          id={`${ids.message}-text`}
          name="customMessage"
          rows={5}
          maxLength={CUSTOM_MESSAGE_MAX}
          disabled={!withMessage}
          defaultValue={keptValue(state, "customMessage")}
          onChange={(e) => setLength(e.currentTarget.value.length)}
          aria-describedby={[ids.hint, messageErrors.length ? ids.messageError : ""]
            .filter(Boolean)
            .join(" ")}
          aria-invalid={messageErrors.length > 0 || undefined}
          className="rounded-md border border-slate-300 px-3 py-2 text-base sm:text-sm"
        />
        <p id={ids.hint} className="text-xs text-slate-600">
          {t("customMessageHint")}{" "}
          <span aria-hidden="true">
            ({length}/{CUSTOM_MESSAGE_MAX})
          </span>
        </p>
        {messageErrors.length ? (
          <p id={ids.messageError} className="text-sm text-red-700">
            {tAll(messageErrors[0]!.code, messageErrors[0]!.params)}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-3">
        <SubmitButton>{t("submit")}</SubmitButton>
        {onCancel ? (
          <button
            type="button"
            onClick={onCancel}
            className="rounded-md border border-slate-300 px-4 py-2 text-sm"
          >
            {t("cancel")}
          </button>
        ) : (
          <Link
            href="/subaccounts"
            className="rounded-md border border-slate-300 px-4 py-2 text-sm"
          >
            {t("cancel")}
          </Link>
        )}
      </div>
    </form>
  );
}

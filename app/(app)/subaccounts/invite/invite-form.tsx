"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { ActionForm, SubmitButton, useActionForm, useField } from "@/app/_components/form/runtime";
import { describedBy, FieldNotes } from "@/app/_components/form/field-notes";
import { Field } from "@/app/_components/form/text-field";
import { SelectField } from "@/app/_components/form/select-field";
import { CheckboxField } from "@/app/_components/form/choice-fields";
import { LanguageSelect } from "@/app/_components/language-select";
import { CUSTOM_MESSAGE_MAX } from "@/lib/invitations/constants";
import { type InvitableType } from "@/lib/enums";
import { inviteSubaccount, resendExistingInvitation } from "./actions";

export function InviteForm({
  types,
  defaultLocale,
  defaults,
  terms,
  termsOpen,
  onCancel,
}: {
  types: InvitableType[];
  defaultLocale: string | null;
  /** A template's type and message, to start from (its terms come as `terms`). */
  defaults?: { templateId: string; subaccountType: string; customMessage: string | null };
  /** The terms' fields for the new subaccount, on the page; the window links to the page for them. */
  terms?: ReactNode;
  /** Whether the terms start open (a template that sets some). */
  termsOpen?: boolean;
  onCancel?: () => void;
}) {
  const t = useTranslations("invite");
  const tAll = useTranslations();
  const locale = useLocale();
  const optional = (label: string) => `${label} (${tAll("common.optional")})`;
  const form = useActionForm(inviteSubaccount);
  const resend = useActionForm(resendExistingInvitation);
  const resendFormId = `resend-${useId().replace(/[^\w-]/g, "")}`;
  // The address already has a pending invitation: said once, at the field, with a way to resend it.
  const existingId = form.state && !form.state.ok ? form.state.params?.existingId : undefined;
  const fields = useRef<HTMLDivElement>(null);
  // After "Send and invite another" the next address is typed straight away; after
  // a duplicate the reader lands on the field that explains it.
  useEffect(() => {
    if (form.state?.ok || existingId) focusEmail(fields.current);
  }, [form.state, existingId]);

  if (types.length === 0) return <p className="text-sm text-slate-700">{t("noTypes")}</p>;

  return (
    <>
      <ActionForm form={form} resetOnSuccess feedback={!existingId} className="flex flex-col gap-4">
        {defaults ? <input type="hidden" name="templateId" value={defaults.templateId} /> : null}
        <div ref={fields} className="flex flex-col gap-2">
          <Field label={t("email")} name="email" type="email" autoComplete="off" required />
          {existingId ? (
            <div className="flex flex-wrap items-center gap-3">
              {/* Submits the small form after this one: forms cannot nest. */}
              <button
                type="submit"
                form={resendFormId}
                disabled={resend.pending}
                className="bg-brand-600 hover:bg-brand-700 rounded-md px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60"
              >
                {t("resendNow")}
              </button>
              <Link
                href={`/subaccounts/invitations/${existingId}`}
                className="text-brand-700 text-sm underline"
              >
                {t("viewExisting")}
              </Link>
            </div>
          ) : null}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={optional(t("firstName"))} name="firstName" autoComplete="off" />
          <Field label={optional(t("lastName"))} name="lastName" autoComplete="off" />
          <Field
            label={optional(t("company"))}
            name="company"
            autoComplete="off"
            hint={t("nameHint")}
            className="flex flex-col gap-1 sm:col-span-2"
          />
        </div>
        <SelectField
          label={t("type")}
          name="subaccountType"
          defaultValue={defaults?.subaccountType ?? types[0]}
          hint={t("typeNote")}
          options={types.map((type) => ({ value: type, label: tAll(`accountTypes.${type}`) }))}
        />
        <LanguageSelect label={t("language")} defaultValue={defaultLocale ?? locale} />
        <CustomMessage initial={defaults?.customMessage} />
        {terms ? (
          <details open={termsOpen} className="rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer text-sm font-semibold">
              {tAll("invitationTerms.summary")}
            </summary>
            <div className="mt-3">{terms}</div>
          </details>
        ) : (
          // A full load, not the window again: the page has room for the product table.
          // eslint-disable-next-line @next/next/no-html-link-for-pages -- a soft load opens this window again
          <a href="/subaccounts/invite" className="text-brand-700 text-sm underline">
            {tAll("invitationTerms.summary")}
          </a>
        )}
        <div className="flex flex-wrap gap-3">
          <SubmitButton>{t("submit")}</SubmitButton>
          <SubmitButton
            name="then"
            value="another"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60"
          >
            {t("submitAndAnother")}
          </SubmitButton>
          {onCancel ? (
            <button
              type="button"
              onClick={onCancel}
              className="rounded-md border border-slate-300 px-4 py-2 text-sm"
            >
              {tAll("common.cancel")}
            </button>
          ) : (
            <Link
              href="/subaccounts"
              className="rounded-md border border-slate-300 px-4 py-2 text-sm"
            >
              {tAll("common.cancel")}
            </Link>
          )}
        </div>
      </ActionForm>
      {existingId ? (
        <ActionForm form={resend} id={resendFormId} className="mt-3">
          <input type="hidden" name="id" value={existingId} />
        </ActionForm>
      ) : null}
    </>
  );
}

/** Puts the cursor in the email field inside `scope` (the form, or the window it opens in). */
export function focusEmail(scope: ParentNode | null | undefined) {
  scope?.querySelector<HTMLInputElement>('input[name="email"]')?.focus();
}

/**
 * "Send custom message" and the message it reveals; the text is sent only while
 * ticked. `initial`: a template's message, ticked and filled in.
 */
export function CustomMessage({ initial }: { initial?: string | null }) {
  const t = useTranslations("invite");
  const toggle = useField("sendCustomMessage");
  const message = useField("customMessage", t("customMessage"));
  const [withMessage, setWithMessage] = useState(
    toggle.kept ? toggle.kept.includes("on") : Boolean(initial),
  );
  const [length, setLength] = useState((message.kept?.[0] ?? initial ?? "").length);
  const hint = (
    <>
      {t("customMessageHint")}{" "}
      <span aria-hidden="true">
        ({length}/{CUSTOM_MESSAGE_MAX})
      </span>
    </>
  );
  return (
    <>
      <CheckboxField
        label={t("sendCustomMessage")}
        name="sendCustomMessage"
        checked={withMessage}
        onChange={(e) => setWithMessage(e.currentTarget.checked)}
        aria-controls={`${message.id}-group`}
        aria-expanded={withMessage}
      />
      <div id={`${message.id}-group`} hidden={!withMessage} className="flex flex-col gap-1">
        <label htmlFor={message.id} className="text-sm font-medium text-slate-800">
          {t("customMessage")}
        </label>
        <textarea
          id={message.id}
          name="customMessage"
          rows={5}
          maxLength={CUSTOM_MESSAGE_MAX}
          disabled={!withMessage}
          defaultValue={message.kept?.[0] ?? initial ?? undefined}
          onChange={(e) => setLength(e.currentTarget.value.length)}
          aria-describedby={describedBy(message.id, hint, message.errors)}
          aria-invalid={message.errors.length > 0 || undefined}
          className="rounded-md border border-slate-300 px-3 py-2 text-base aria-invalid:border-red-600 sm:text-sm"
        />
        <FieldNotes id={message.id} hint={hint} errors={message.errors} />
      </div>
    </>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { ConfirmForm } from "@/app/_components/confirm-form";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { FormMessage } from "@/app/_components/form/form-message";
import { Field } from "@/app/_components/form/text-field";
import { deleteEndpoint, retryFailed, rotateSecret, sendTest } from "../actions";
import { ShownOnce } from "@/app/_components/shown-once";

const secondary =
  "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60";

/** Send a test event, rotate the secret (its successor shown once), delete. */
export function EndpointActions({
  id,
  url,
  enabled,
  overlapHours,
}: {
  id: string;
  url: string;
  enabled: boolean;
  /** How long a rotated secret still signs beside the new one. */
  overlapHours: number;
}) {
  const t = useTranslations("webhooks");
  const test = useActionForm(sendTest);
  const rotate = useActionForm(rotateSecret);
  const remove = useActionForm(deleteEndpoint);
  const rotated = rotate.state?.ok ? rotate.state.params : undefined;
  return (
    <div className="flex flex-col gap-4">
      <FormMessage state={test.state} />
      <FormMessage state={rotate.state} />
      <FormMessage state={remove.state} />
      {typeof rotated?.secret === "string" ? (
        <ShownOnce
          value={rotated.secret}
          text={{
            title: t("rotatedTitle"),
            hint: t("rotatedHint", { until: String(rotated.until), hours: overlapHours }),
            label: t("secretLabel"),
            copy: t("copySecret"),
            copied: t("copied"),
          }}
        />
      ) : null}
      <div className="flex flex-wrap items-start gap-3">
        <ActionForm form={test} feedback={false} className="flex flex-col gap-1">
          <input type="hidden" name="id" value={id} />
          <div>
            <SubmitButton className={secondary}>{t("sendTest")}</SubmitButton>
          </div>
          {enabled ? null : <p className="text-xs text-slate-600">{t("sendTestOff")}</p>}
        </ActionForm>
        <ConfirmForm
          form={rotate}
          fields={{ id }}
          trigger={t("rotate")}
          question={t("rotateConfirm", { hours: overlapHours })}
          confirm={t("rotateYes")}
          keep={t("rotateNo")}
        />
        <ConfirmForm
          form={remove}
          fields={{ id }}
          trigger={t("delete")}
          question={t("deleteConfirm", { url })}
          confirm={t("deleteYes")}
          keep={t("deleteNo")}
        />
      </div>
    </div>
  );
}

/** Every delivery that failed for good since a moment, in the reader's own time zone, tried again. */
export function RetryFailedForm({
  id,
  defaultSince,
  zone,
}: {
  id: string;
  defaultSince: string;
  zone: string;
}) {
  const t = useTranslations("webhooks");
  const form = useActionForm(retryFailed);
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <input type="hidden" name="id" value={id} />
      <Field
        label={t("retrySince")}
        name="since"
        type="datetime-local"
        required
        defaultValue={defaultSince}
        hint={t("retrySinceHint", { zone })}
        className="flex max-w-xs flex-col gap-1"
      />
      <div>
        <SubmitButton className={secondary}>{t("retry")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

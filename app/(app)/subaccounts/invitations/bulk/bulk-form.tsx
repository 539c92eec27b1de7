"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { Field } from "@/app/_components/form/text-field";
import { DataTable } from "@/app/_components/ui";
import { uploadBulkInvitations } from "./actions";
import type { BulkPreviewView } from "./preview-view";

const PAGE = 25;

/**
 * The bulk upload: choose a file and check it; the check's counts and problems
 * appear below, and "Send" submits the same file again to queue it. Choosing
 * another file hides the old check, so nothing is sent unchecked.
 */
export function BulkForm({ maxMegabytes }: { maxMegabytes: number }) {
  const t = useTranslations("bulk");
  const form = useActionForm(uploadBulkInvitations);
  const [stale, setStale] = useState(false);
  const [shown, setShown] = useState({ state: form.state, answers: 0 });
  if (shown.state !== form.state) {
    setShown({ state: form.state, answers: shown.answers + 1 });
    setStale(false);
  }
  const preview =
    form.state?.ok && !stale ? (form.state.data as BulkPreviewView | undefined) : undefined;
  return (
    <ActionForm form={form} className="flex flex-col gap-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end" onChange={() => setStale(true)}>
        <Field
          label={t("file")}
          name="file"
          type="file"
          accept=".csv,text/csv"
          hint={t("fileHint", { max: maxMegabytes })}
          required
          className="flex min-w-0 flex-1 flex-col gap-1"
        />
        <div>
          <SubmitButton
            name="intent"
            value="check"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60"
          >
            {preview ? t("checkAgain") : t("check")}
          </SubmitButton>
        </div>
      </div>
      {/* Each check anew: its first page of problems, and focus on its result. */}
      {preview ? <Preview key={shown.answers} preview={preview} /> : null}
    </ActionForm>
  );
}

function Preview({ preview }: { preview: BulkPreviewView }) {
  const t = useTranslations("bulk");
  const heading = useRef<HTMLHeadingElement>(null);
  const [page, setPage] = useState(0);
  useEffect(() => heading.current?.focus(), []);
  const from = page * PAGE;
  const problems = preview.problems.slice(from, from + PAGE);
  const pages = Math.ceil(preview.problems.length / PAGE);
  return (
    <section aria-labelledby="bulk-preview" className="flex flex-col gap-4">
      <h2 id="bulk-preview" ref={heading} tabIndex={-1} className="text-lg font-semibold">
        {preview.fileName}: {t("checked", { rows: preview.rows })}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:max-w-md">
        <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3">
          <dt className="text-sm text-emerald-900">{t("valid")}</dt>
          <dd className="text-2xl font-semibold text-emerald-950">{preview.valid}</dd>
        </div>
        <div className="rounded-md border border-red-200 bg-red-50 p-3">
          <dt className="text-sm text-red-900">{t("invalid")}</dt>
          <dd className="text-2xl font-semibold text-red-950">{preview.invalid}</dd>
        </div>
      </dl>
      {preview.problems.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noProblems")}</p>
      ) : (
        <div className="flex flex-col gap-2">
          <h3 className="font-semibold">{t("problems")}</h3>
          <DataTable
            caption={t("showing", {
              from: from + 1,
              to: from + problems.length,
              total: preview.problems.length,
            })}
            columns={[{ label: t("row") }, { label: t("email") }, { label: t("problem") }]}
          >
            {problems.map((p) => (
              <tr key={`${p.row}-${p.problem}`}>
                <td className="tabular-nums">{p.row}</td>
                <td className="break-all">{p.email || "—"}</td>
                <td>{p.problem}</td>
              </tr>
            ))}
          </DataTable>
          {pages > 1 ? (
            <nav aria-label={t("problems")} className="flex flex-wrap items-center gap-3 text-sm">
              <button
                type="button"
                className="btn-small"
                disabled={page === 0}
                onClick={() => setPage(page - 1)}
              >
                {t("previous")}
              </button>
              <span aria-live="polite">
                {t("showing", {
                  from: from + 1,
                  to: from + problems.length,
                  total: preview.problems.length,
                })}
              </span>
              <button
                type="button"
                className="btn-small"
                disabled={page + 1 >= pages}
                onClick={() => setPage(page + 1)}
              >
                {t("next")}
              </button>
            </nav>
          ) : null}
        </div>
      )}
      {preview.valid > 0 ? (
        <div className="flex flex-col gap-2">
          {preview.invalid > 0 ? (
            <p className="text-sm text-slate-700">{t("skippedHint")}</p>
          ) : null}
          <div>
            <SubmitButton name="intent" value="send">
              {t("send", { count: preview.valid })}
            </SubmitButton>
          </div>
        </div>
      ) : (
        <p className="text-sm font-medium text-red-800">{t("nothingValid")}</p>
      )}
    </section>
  );
}

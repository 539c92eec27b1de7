import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Facts, Section } from "@/app/_components/section";
import { PageHeader, StatusBadge } from "@/app/_components/ui";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { BatchError } from "@/lib/batches/errors";
import { batchIsOpen } from "@/lib/batches/kinds";
import { getBatch } from "@/lib/batches/queries";
import { BatchRefresh } from "./batch-refresh";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("batch"))("title") };
}

/** One batch's progress, updating itself while it runs, and its result file. */
export default async function BatchPage({
  params,
}: PageProps<"/subaccounts/invitations/batches/[id]">) {
  const actor = await requireActor("invitations.view");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const batch = await getBatch(await getDb(), actor, id.data).catch((error: unknown) => {
    if (error instanceof BatchError) notFound();
    throw error;
  });
  const [t, tErrors, tInvitation, format] = await Promise.all([
    getTranslations("batch"),
    getTranslations("errors"),
    getTranslations("invitation"),
    getFormatter(),
  ]);
  const open = batchIsOpen(batch.status);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <PageHeader
        title={t(`titles.${batch.kind}`)}
        back={{ href: "/subaccounts/invitations", label: tInvitation("back") }}
      />
      <Section id="batch-progress" title={t("progress")}>
        <div className="flex flex-col gap-3">
          <p role="status" className="flex flex-wrap items-center gap-2 text-sm">
            <StatusBadge
              status={open ? "pending" : batch.status === "failed" ? "failed" : "succeeded"}
            >
              {t(`statuses.${batch.status}`)}
            </StatusBadge>
            <span>{t("progressText", { done: batch.done, total: batch.total })}</span>
          </p>
          <progress
            value={batch.done}
            max={batch.total}
            aria-label={t("progress")}
            className="h-3 w-full accent-emerald-600"
          />
          {batch.status === "failed" && batch.error ? (
            <p className="text-sm text-red-800">
              {t("failed", {
                error: tErrors.has(batch.error) ? tErrors(batch.error) : batch.error,
              })}
            </p>
          ) : null}
          {open ? (
            <>
              <p className="text-xs text-slate-600">{t("updating")}</p>
              <BatchRefresh />
            </>
          ) : null}
        </div>
      </Section>
      <Section id="batch-facts" title={t(`titles.${batch.kind}`)}>
        <Facts
          items={[
            ...(batch.fileName ? [[t("file"), batch.fileName] as [string, string]] : []),
            [t("succeeded"), format.number(batch.succeeded)],
            [t("skipped"), format.number(batch.skipped)],
            [t("created"), format.dateTime(batch.createdAt, "moment")],
            ...(batch.finishedAt
              ? [[t("finished"), format.dateTime(batch.finishedAt, "moment")] as [string, string]]
              : []),
          ]}
        />
        <div className="mt-4 flex flex-col gap-1">
          {/* A plain link: the file downloads. */}
          <a
            href={`/subaccounts/invitations/batches/${batch.id}/result.csv`}
            download
            className="text-brand-700 text-sm font-medium underline"
          >
            {t("result")}
          </a>
          <p className="text-xs text-slate-600">{t("resultHint")}</p>
        </div>
      </Section>
    </div>
  );
}

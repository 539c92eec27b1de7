import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/_components/client-messages";
import { Section } from "@/app/_components/section";
import { PageHeader, StatusBadge } from "@/app/_components/ui";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { recentBatches } from "@/lib/batches/queries";
import { BULK_FILE_MAX_MEGABYTES, BULK_MAX_ROWS } from "@/lib/invitations/bulk/parse";
import { BulkForm } from "./bulk-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bulk"))("title") };
}

export default async function BulkInvitePage() {
  const actor = await requireActor("invitations.create");
  const [t, tBatch, tInvitations, format, batches] = await Promise.all([
    getTranslations("bulk"),
    getTranslations("batch"),
    getTranslations("invitation"),
    getFormatter(),
    recentBatches(await getDb(), actor, 5),
  ]);
  return (
    <ClientMessages namespaces={["bulk"]}>
      <div className="flex max-w-3xl flex-col gap-6">
        <PageHeader
          title={t("title")}
          back={{ href: "/subaccounts/invitations", label: tInvitations("back") }}
        />
        <div className="flex flex-col gap-2 text-sm text-slate-700">
          <p>{t("intro", { max: BULK_MAX_ROWS })}</p>
          <p>{t("columns")}</p>
          <p>
            {/* A plain link: the file downloads. */}
            <a
              href="/subaccounts/invitations/bulk/template.csv"
              download
              className="text-brand-700 font-medium underline"
            >
              {t("template")}
            </a>
          </p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <BulkForm maxMegabytes={BULK_FILE_MAX_MEGABYTES} />
        </div>
        <Section id="recent-batches" title={t("recent")}>
          {batches.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noRecent")}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-slate-200 text-sm">
              {batches.map((b) => (
                <li key={b.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                  <Link
                    href={`/subaccounts/invitations/batches/${b.id}`}
                    className="text-brand-700 font-medium underline"
                  >
                    {b.fileName ?? tBatch(`titles.${b.kind}`)}
                  </Link>
                  <StatusBadge status={b.status}>{tBatch(`statuses.${b.status}`)}</StatusBadge>
                  <span className="text-slate-600">
                    {tBatch("progressText", { done: b.done, total: b.total })} ·{" "}
                    {format.dateTime(b.createdAt, "moment")}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </ClientMessages>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, EmptyState } from "@/app/_components/ui";
import { getDb } from "@/db";
import { listMailbox } from "@/lib/email/mailbox-queries";
import { isLoopbackRequest } from "@/lib/dev-origins";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Mailbox" };

export default async function MailboxPage() {
  // Development only: in production this page does not exist.
  if (!env().devMailbox || !isLoopbackRequest(await headers())) notFound();
  const [t, format] = await Promise.all([getTranslations("mailbox"), getFormatter()]);
  const messages = await listMailbox(await getDb());
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 mb-6 max-w-2xl text-sm text-slate-600">{t("intro")}</p>
      {messages.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <DataTable
          caption={t("title")}
          columns={[{ label: t("to") }, { label: t("subject") }, { label: t("received") }]}
        >
          {messages.map((m) => (
            <tr key={m.id}>
              <td>{m.toAddress}</td>
              <td>
                <Link href={`/dev/mailbox/${m.id}`} className="text-brand-700 underline">
                  {m.subject}
                </Link>
              </td>
              <td>{format.dateTime(m.createdAt, "moment")}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

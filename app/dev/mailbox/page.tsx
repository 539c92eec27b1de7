import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listMailbox } from "@/lib/email/mailbox-queries";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Mailbox" };

export default async function MailboxPage() {
  // Development only: in production this page does not exist.
  if (!env().devMailbox) notFound();
  const [t, format] = await Promise.all([getTranslations("mailbox"), getFormatter()]);
  const messages = await listMailbox(await getDb());
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 mb-6 max-w-2xl text-sm text-slate-600">{t("intro")}</p>
      {messages.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {t("empty")}
        </p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="p-3">
                {t("to")}
              </th>
              <th scope="col" className="p-3">
                {t("subject")}
              </th>
              <th scope="col" className="p-3">
                {t("received")}
              </th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id} className="border-t border-slate-200">
                <td className="p-3">{m.toAddress}</td>
                <td className="p-3">
                  <Link href={`/dev/mailbox/${m.id}`} className="text-brand-700 underline">
                    {m.subject}
                  </Link>
                </td>
                <td className="p-3">
                  {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { getMailboxMessage } from "@/lib/email/mailbox-queries";
import { isLoopbackRequest } from "@/lib/dev-origins";
import { env } from "@/lib/env";

export default async function MailboxMessagePage({ params }: PageProps<"/dev/mailbox/[id]">) {
  if (!env().devMailbox || !isLoopbackRequest(await headers())) notFound();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const message = await getMailboxMessage(await getDb(), id.data);
  if (!message) notFound();
  const [t, format] = await Promise.all([getTranslations("mailbox"), getFormatter()]);
  return (
    <article className="flex max-w-4xl flex-col gap-4">
      <Link href="/dev/mailbox" className="text-brand-700 text-sm underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{message.subject}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("from")}</dt>
        <dd>{message.fromAddress}</dd>
        <dt className="text-slate-600">{t("to")}</dt>
        <dd>{message.toAddress}</dd>
        <dt className="text-slate-600">{t("received")}</dt>
        <dd>{format.dateTime(message.createdAt, "moment")}</dd>
      </dl>
      <section aria-labelledby="text-part">
        <h2 id="text-part" className="mb-2 font-semibold">
          {t("textPart")}
        </h2>
        <pre className="rounded-lg border border-slate-200 bg-white p-4 text-sm whitespace-pre-wrap">
          {message.text}
        </pre>
      </section>
      <section aria-labelledby="html-part">
        <h2 id="html-part" className="mb-2 font-semibold">
          {t("htmlPart")}
        </h2>
        {/* Sandboxed: the message's HTML runs no script and cannot reach this page. */}
        <iframe
          title={t("htmlPart")}
          sandbox="allow-popups"
          srcDoc={message.html}
          className="h-[36rem] w-full rounded-lg border border-slate-200 bg-white"
        />
      </section>
    </article>
  );
}

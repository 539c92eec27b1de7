import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { z } from "zod";
import { Facts, Section } from "@/app/_components/section";
import { Notice, PageHeader, StatusBadge } from "@/app/_components/ui";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { getInvitationDetail } from "@/lib/invitations/queries";
import { invitationActions, shownDelivery } from "@/lib/invitations/rules";
import { showsExpiry } from "@/lib/invitations/status";
import { CorrectAddressForm } from "./correct-address-form";
import { TermsSection } from "./terms-section";
import { InvitationActions } from "../invitation-actions";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitations"))("title") };
}

export default async function InvitationPage({
  params,
  searchParams,
}: PageProps<"/subaccounts/invitations/[id]">) {
  const actor = await requireActor("invitations.view");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const now = new Date();
  // Scoped to the actor's account: another account's id is simply not found.
  const inv = await getInvitationDetail(await getDb(), actor.accountId, id.data, now);
  if (!inv) notFound();
  const [t, tCommon, tErrors, tStatuses, tDelivery, tTypes, format] = await Promise.all([
    getTranslations("invitation"),
    getTranslations("common"),
    getTranslations("errors"),
    getTranslations("invitationStatuses"),
    getTranslations("deliveryStatuses"),
    getTranslations("accountTypes"),
    getFormatter(),
  ]);
  const offers = invitationActions(actor, inv, now);
  const query = await searchParams;
  const when = (d: Date) => format.dateTime(d, "moment");
  const status = tStatuses(inv.displayStatus);
  const facts: [string, ReactNode][] = [
    [
      t("status"),
      <StatusBadge key="s" status={inv.displayStatus}>
        {status}
      </StatusBadge>,
    ],
    [t("email"), inv.email],
    ...(inv.inviteeFirstName || inv.inviteeLastName || inv.inviteeCompany
      ? ([
          [
            t("invitee"),
            [
              [inv.inviteeFirstName, inv.inviteeLastName].filter(Boolean).join(" "),
              inv.inviteeCompany,
            ]
              .filter(Boolean)
              .join(", "),
          ],
        ] as [string, ReactNode][])
      : []),
    [t("type"), tTypes(inv.subaccountType)],
    [t("language"), tCommon(`languages.${inv.locale}`)],
    [
      t("delivery"),
      shownDelivery(inv.displayStatus, inv.deliveryStatus) ? tDelivery(inv.deliveryStatus) : "—",
    ],
    [t("sentBy"), inv.sentByName],
    [t("firstSent"), when(inv.sentAt)],
    [t("lastSent"), when(inv.lastSentAt)],
    [t("sendCount"), format.number(inv.sendCount)],
  ];
  if (showsExpiry(inv.displayStatus)) facts.push([t("expires"), when(inv.expiresAt)]);
  if (inv.acceptedAt) facts.push([t("acceptedAt"), when(inv.acceptedAt)]);
  if (inv.subaccountName && inv.acceptedAccountId)
    facts.push([
      t("subaccount"),
      <Link
        key="sub"
        href={`/subaccounts/${inv.acceptedAccountId}`}
        className="text-brand-700 underline"
      >
        {inv.subaccountName}
      </Link>,
    ]);
  if (inv.canceledAt) facts.push([t("canceledAt"), when(inv.canceledAt)]);
  if (inv.canceledByName) facts.push([t("canceledBy"), inv.canceledByName]);

  return (
    <ClientMessages
      namespaces={[
        "invitation",
        "invitationActions",
        "invitationTerms",
        "subaccount",
        "common",
        "accountTypes",
      ]}
    >
      <div className="flex max-w-3xl flex-col gap-6">
        <PageHeader
          title={t("title", { email: inv.email })}
          back={{ href: "/subaccounts/invitations", label: t("back") }}
        />
        {query.corrected === "1" ? <Notice>{t("corrected", { email: inv.email })}</Notice> : null}
        {query.sentAgain === "1" ? <Notice>{t("sentAgain", { email: inv.email })}</Notice> : null}
        <InvitationActions id={inv.id} email={inv.email} offers={offers} place="details" />
        {offers.correctAddress ? (
          <Section id="correct" title={t("correctTitle")}>
            <CorrectAddressForm id={inv.id} email={inv.email} />
          </Section>
        ) : null}
        <Section id="details" title={t("details")}>
          <Facts items={facts} />
        </Section>
        <TermsSection actor={actor} invitation={inv} />
        <Section id="message" title={t("customMessage")}>
          {inv.customMessage ? (
            <p className="text-sm whitespace-pre-wrap">{inv.customMessage}</p>
          ) : (
            <p className="text-sm text-slate-600">{t("noCustomMessage")}</p>
          )}
        </Section>
        <Section id="timeline" title={t("timeline")}>
          <ol className="flex flex-col gap-2 text-sm">
            {inv.events.map((e) => {
              // An extension's detail holds two expiries; sending again, the other invitation's id.
              const dates = e.type === "extended";
              const linked = (e.type === "sent_again" && e.to) || (e.type === "created" && e.from);
              const text = t(
                `events.${e.type === "created" && e.from ? "created_again" : e.type}`,
                {
                  actor: e.apiKeyName
                    ? tCommon("apiKeyActor", { key: e.apiKeyName, name: e.actorName ?? "" })
                    : (e.actorName ?? t("system")),
                  from: dates && e.from ? when(new Date(e.from)) : e.from,
                  to: dates && e.to ? when(new Date(e.to)) : e.to,
                  days: e.daysLeft ?? 0,
                  // A failed accept names a refusal of ours; a bounce, the mail server's words.
                  reason:
                    e.type === "accept_failed" && e.reason ? tErrors(e.reason) : (e.reason ?? ""),
                },
              );
              return (
                <li key={e.id} className="flex flex-wrap gap-x-3">
                  <time
                    dateTime={e.createdAt.toISOString()}
                    className="text-slate-600 tabular-nums"
                  >
                    {when(e.createdAt)}
                  </time>
                  <span>
                    {linked ? (
                      <Link
                        href={`/subaccounts/invitations/${linked}`}
                        className="text-brand-700 underline"
                      >
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
                  </span>
                </li>
              );
            })}
          </ol>
        </Section>
      </div>
    </ClientMessages>
  );
}

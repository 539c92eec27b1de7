import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Facts, Section } from "@/app/_components/section";
import { getDb } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import type { DisplayStatus } from "@/lib/invitations/constants";
import type { InvitationTerms } from "@/lib/invitations/terms";
import { invitationTermsChoices } from "@/lib/invitations/terms-choices";
import { TermsForm } from "./terms-form";

/**
 * What the subaccount of an invitation will start with, and, while it is
 * pending, a form for whoever may set a part of it.
 */
export async function TermsSection({
  actor,
  invitation,
}: {
  actor: Actor;
  invitation: {
    id: string;
    terms: InvitationTerms | null;
    displayStatus: DisplayStatus;
    sentByName: string;
  };
}) {
  const [t, tCommon, tTypes, choices] = await Promise.all([
    getTranslations("invitationTerms"),
    getTranslations("common"),
    getTranslations("accountTypes"),
    invitationTermsChoices(await getDb(), actor, invitation.terms),
  ]);
  const { terms } = invitation;
  const custom = terms?.products?.filter((p) => p.priceCents !== null).length ?? 0;
  const unavailable = terms?.products?.filter((p) => !p.available).length ?? 0;
  const manager = terms?.accountManagerId
    ? (choices.users.find((u) => u.id === terms.accountManagerId)?.name ?? "—")
    : invitation.sentByName;
  const facts: [string, ReactNode][] = [
    [tCommon("billing"), tCommon(`billingModes.${terms?.billing ?? "bill_to_subaccount"}`)],
    [tCommon("pricing"), tCommon(`pricingModes.${terms?.pricing ?? "standard"}`)],
    [
      t("products"),
      custom || unavailable
        ? [
            custom ? t("customPrices", { count: custom }) : null,
            unavailable ? t("unavailable", { count: unavailable }) : null,
            terms?.showPrices ? t("pricesShown") : null,
          ]
            .filter(Boolean)
            .join(" · ")
        : "—",
    ],
    [t("accountManager"), manager],
    [
      t("allowedTypes"),
      terms?.allowedSubaccountTypes
        ? terms.allowedSubaccountTypes.length
          ? terms.allowedSubaccountTypes.map((type) => tTypes(type)).join(", ")
          : t("typesNone")
        : t("typesByDefault"),
    ],
  ];
  const editable = invitation.displayStatus === "pending" && choices.settable.length > 0;
  return (
    <Section id="terms" title={t("title")}>
      <div className="flex flex-col gap-4">
        {terms ? <Facts items={facts} /> : <p className="text-sm text-slate-600">{t("none")}</p>}
        {editable ? (
          <details className="rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer text-sm font-semibold">{t("change")}</summary>
            <div className="mt-3">
              <TermsForm id={invitation.id} choices={choices} />
            </div>
          </details>
        ) : null}
      </div>
    </Section>
  );
}

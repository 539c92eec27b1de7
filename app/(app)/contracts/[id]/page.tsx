import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ClientMessages } from "@/app/_components/client-messages";
import { Facts, Section } from "@/app/_components/section";
import { PageHeader, StatusBadge } from "@/app/_components/ui";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { getContract } from "@/lib/contracts/queries";
import { contractActions, contractStatus } from "@/lib/contracts/rules";
import { ContractForm } from "../contract-form";
import { ContractActions } from "./contract-actions";

async function load(params: PageProps<"/contracts/[id]">["params"]) {
  const actor = await requireActor("contracts.manage");
  const id = z.uuid().safeParse((await params).id);
  // Scoped to the actor's account: another account's contract is simply not found.
  const contract = id.success ? await getContract(await getDb(), actor.accountId, id.data) : null;
  return { actor, contract };
}

export async function generateMetadata({
  params,
}: PageProps<"/contracts/[id]">): Promise<Metadata> {
  const { contract } = await load(params);
  return { title: contract?.name ?? (await getTranslations("contracts"))("title") };
}

export default async function ContractPage({ params }: PageProps<"/contracts/[id]">) {
  const { contract } = await load(params);
  if (!contract) notFound();
  const [t, tCommon, format] = await Promise.all([
    getTranslations("contracts"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const now = new Date();
  const status = contractStatus(contract, now);
  const offers = contractActions(contract, now);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), "calendarDay");
  return (
    <ClientMessages namespaces={["common", "contracts"]}>
      <div className="flex max-w-3xl flex-col gap-6">
        <PageHeader title={contract.name} back={{ href: "/contracts", label: t("back") }} />
        <Section id="contract-overview" title={t("overview")}>
          <Facts
            items={[
              [
                t("status"),
                <StatusBadge key="s" status={status}>
                  {t(`statuses.${status}`)}
                </StatusBadge>,
              ],
              [
                t("term"),
                `${day(contract.startsOn)} – ${contract.endsOn ? day(contract.endsOn) : t("openEnded")}`,
              ],
              [tCommon("billing"), tCommon(`billingModes.${contract.billing}`)],
              [tCommon("pricing"), tCommon(`pricingModes.${contract.pricing}`)],
              [
                t("usedBy"),
                contract.subaccounts
                  ? t("subaccountCount", { count: contract.subaccounts })
                  : t("noSubaccounts"),
              ],
            ]}
          />
        </Section>
        <Section id="contract-edit" title={t("editTitle")}>
          <p className="mb-4 text-sm text-slate-600">{t("editHint")}</p>
          <ContractForm contract={contract} />
        </Section>
        {offers.end || offers.delete ? (
          <Section id="contract-end" title={t("endOrDelete")}>
            <ContractActions
              id={contract.id}
              name={contract.name}
              canEnd={offers.end}
              canDelete={offers.delete}
            />
          </Section>
        ) : null}
      </div>
    </ClientMessages>
  );
}

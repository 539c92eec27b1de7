import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/_components/client-messages";
import { Section } from "@/app/_components/section";
import { Cell, DataTable, EmptyState, PageHeader, Row, StatusBadge } from "@/app/_components/ui";
import { getDb } from "@/db";
import { listApiKeys } from "@/lib/api-keys/queries";
import { requireActor } from "@/lib/auth/require";
import { CreateKeyForm } from "./create-key-form";
import { RevokeKey } from "./revoke-key";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiKeys"))("title") };
}

export default async function ApiKeysPage() {
  const actor = await requireActor("apiKeys.manage");
  const now = new Date();
  const [t, tCommon, format, keys] = await Promise.all([
    getTranslations("apiKeys"),
    getTranslations("common"),
    getFormatter(),
    listApiKeys(await getDb(), actor.accountId, now),
  ]);
  return (
    <ClientMessages namespaces={["apiKeys"]}>
      <div className="flex flex-col gap-6">
        <div>
          <PageHeader title={t("title")} />
          <p className="-mt-4 max-w-3xl text-sm text-slate-600">
            {t("intro", { account: actor.accountName })}{" "}
            <a href="/api/docs" className="text-brand-700 underline">
              {t("reference")}
            </a>
          </p>
        </div>
        {keys.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <DataTable
            caption={t("caption", { account: actor.accountName })}
            columns={[
              { label: t("name") },
              { label: t("scope") },
              { label: t("createdBy") },
              { label: t("lastUsed") },
              { label: t("expires") },
              { label: t("status") },
              { label: t("actions") },
            ]}
          >
            {keys.map((k) => (
              <Row key={k.id}>
                <Cell>
                  <span className="font-medium">{k.name}</span>
                  {k.subaccountName ? (
                    <span className="block text-slate-600">
                      {t("forSubaccount", { name: k.subaccountName })}
                    </span>
                  ) : null}
                  <code className="block font-mono text-xs text-slate-600">{k.prefix}…</code>
                </Cell>
                <Cell label={t("scope")}>{tCommon(`apiKeyScopes.${k.scope}`)}</Cell>
                <Cell label={t("createdBy")}>
                  {k.createdByName}
                  <span className="block text-slate-600">
                    {format.dateTime(k.createdAt, "moment")}
                  </span>
                </Cell>
                <Cell label={t("lastUsed")}>
                  {k.lastUsedAt ? (
                    <>
                      {format.dateTime(k.lastUsedAt, "moment")}
                      {k.lastUsedIp ? (
                        <span className="block text-slate-600">
                          {t("from", { address: k.lastUsedIp })}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    t("neverUsed")
                  )}
                </Cell>
                <Cell label={t("expires")} className="sm:whitespace-nowrap">
                  {k.expiresAt ? format.dateTime(k.expiresAt, "moment") : t("never")}
                </Cell>
                <Cell label={t("status")}>
                  <StatusBadge status={k.status}>{t(`statuses.${k.status}`)}</StatusBadge>
                </Cell>
                <Cell>
                  <RevokeKey id={k.id} name={k.name} active={k.status === "active"} />
                </Cell>
              </Row>
            ))}
          </DataTable>
        )}
        <Section id="create-key" title={t("createTitle")} variant="form">
          <CreateKeyForm />
        </Section>
      </div>
    </ClientMessages>
  );
}

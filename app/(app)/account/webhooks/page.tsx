import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/_components/client-messages";
import { Section } from "@/app/_components/section";
import {
  Cell,
  DataTable,
  EmptyState,
  Notice,
  PageHeader,
  Row,
  RowLink,
} from "@/app/_components/ui";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { DELIVERY_DEADLINE_MS } from "@/lib/webhooks/fan-out";
import { WEBHOOK_ENDPOINTS_MAX } from "@/lib/webhooks/inputs";
import { listWebhookEndpoints } from "@/lib/webhooks/queries";
import { CreateEndpointForm } from "./endpoint-form";
import { EndpointState } from "./endpoint-state";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("title") };
}

export default async function WebhooksPage({ searchParams }: PageProps<"/account/webhooks">) {
  const actor = await requireActor("webhooks.manage");
  const [t, format, endpoints, query] = await Promise.all([
    getTranslations("webhooks"),
    getFormatter(),
    listWebhookEndpoints(await getDb(), actor),
    searchParams,
  ]);
  return (
    <ClientMessages namespaces={["webhooks"]}>
      <div className="flex flex-col gap-6">
        <div>
          <PageHeader title={t("title")} />
          <p className="-mt-4 max-w-3xl text-sm text-slate-600">
            {t("intro", {
              account: actor.accountName,
              days: Math.round(DELIVERY_DEADLINE_MS / DAY_MS),
            })}
          </p>
        </div>
        {query.deleted === "1" ? <Notice>{t("deleted")}</Notice> : null}
        {endpoints.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <DataTable
            caption={t("caption", { account: actor.accountName })}
            columns={[
              { label: t("endpoint") },
              { label: t("events") },
              { label: t("state") },
              { label: t("createdBy") },
            ]}
          >
            {endpoints.map((e) => (
              <Row key={e.id}>
                <Cell label={t("endpoint")}>
                  <RowLink href={`/account/webhooks/${e.id}`} className="link-strong">
                    {e.url}
                  </RowLink>
                  {e.description ? (
                    <span className="block text-slate-600">{e.description}</span>
                  ) : null}
                </Cell>
                <Cell label={t("events")}>
                  {e.eventTypes ? (
                    <ul>
                      {e.eventTypes.map((type) => (
                        <li key={type} className="font-mono text-xs">
                          {type}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t("allEventsShort")
                  )}
                </Cell>
                <Cell label={t("state")}>
                  <EndpointState endpoint={e} />
                </Cell>
                <Cell label={t("createdBy")}>
                  {e.createdBy ?? t("formerUser")}
                  <span className="block text-slate-600">
                    {format.dateTime(e.createdAt, "moment")}
                  </span>
                </Cell>
              </Row>
            ))}
          </DataTable>
        )}
        <Section id="create-endpoint" title={t("createTitle")} variant="form">
          <p className="mb-4 text-sm text-slate-600">
            {t("createHint", { max: WEBHOOK_ENDPOINTS_MAX })}
          </p>
          <CreateEndpointForm />
        </Section>
      </div>
    </ClientMessages>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ClientMessages } from "@/app/_components/client-messages";
import { RowAnnouncer } from "@/app/_components/row-announcer";
import { Facts, Section } from "@/app/_components/section";
import { Cell, DataTable, EmptyState, PageHeader, Row, StatusBadge } from "@/app/_components/ui";
import { getDb } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/require";
import { ROTATION_OVERLAP_MS } from "@/lib/webhooks/endpoints";
import { DELIVERY_DEADLINE_MS } from "@/lib/webhooks/fan-out";
import { WebhookError } from "@/lib/webhooks/errors";
import {
  DELIVERY_RETENTION_DAYS,
  getWebhookEndpoint,
  listWebhookDeliveries,
} from "@/lib/webhooks/queries";
import { queryString } from "@/lib/url";
import { EditEndpointForm } from "../endpoint-form";
import { EndpointState } from "../endpoint-state";
import { wallClockOf } from "@/lib/i18n/wall-clock";
import { EndpointActions, RetryFailedForm } from "./endpoint-actions";
import { RedeliverButton } from "./redeliver-button";

const PAGE_SIZE = 25;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** The endpoint within the actor's account; another account's, or a deleted one, is not found. */
async function findEndpoint(actor: Actor, raw: string) {
  const id = z.uuid().safeParse(raw);
  if (!id.success) return null;
  try {
    return await getWebhookEndpoint(await getDb(), actor, id.data);
  } catch (error) {
    if (error instanceof WebhookError && error.code === "webhook_endpoint_not_found") return null;
    throw error;
  }
}

export async function generateMetadata({
  params,
}: PageProps<"/account/webhooks/[id]">): Promise<Metadata> {
  const actor = await requireActor("webhooks.manage");
  const endpoint = await findEndpoint(actor, (await params).id);
  return {
    title: endpoint
      ? endpoint.description || endpoint.url
      : (await getTranslations("webhooks"))("title"),
  };
}

const pageQuery = z.object({ after: z.string().max(200).optional().catch(undefined) });

export default async function WebhookEndpointPage({
  params,
  searchParams,
}: PageProps<"/account/webhooks/[id]">) {
  const actor = await requireActor("webhooks.manage");
  const endpoint = await findEndpoint(actor, (await params).id);
  if (!endpoint) notFound();
  const { after } = pageQuery.parse(await searchParams);
  const now = new Date();
  const [t, format, zone, deliveries] = await Promise.all([
    getTranslations("webhooks"),
    getFormatter(),
    getTimeZone(),
    listWebhookDeliveries(await getDb(), actor, { endpointId: endpoint.id, cursor: after }, now, {
      size: PAGE_SIZE,
    }),
  ]);
  const when = (d: Date) => format.dateTime(d, "moment");
  const path = `/account/webhooks/${endpoint.id}`;
  return (
    <ClientMessages namespaces={["webhooks"]}>
      <div className="flex flex-col gap-6">
        <PageHeader
          title={t("endpointTitle")}
          back={{ href: "/account/webhooks", label: t("back") }}
        />
        <Section id="endpoint-overview" title={t("overview")}>
          <Facts
            items={[
              [
                t("url"),
                <code key="url" className="font-mono text-sm [overflow-wrap:anywhere]">
                  {endpoint.url}
                </code>,
              ],
              [t("description"), endpoint.description || t("noDescription")],
              [
                t("events"),
                endpoint.eventTypes ? (
                  <ul key="types">
                    {endpoint.eventTypes.map((type) => (
                      <li key={type} className="font-mono text-xs">
                        {type}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t("allEventsShort")
                ),
              ],
              [t("state"), <EndpointState key="state" endpoint={endpoint} />],
              [
                t("createdBy"),
                `${endpoint.createdBy ?? t("formerUser")}, ${when(endpoint.createdAt)}`,
              ],
              ...(endpoint.previousSecretUntil && endpoint.previousSecretUntil > now
                ? ([
                    [
                      t("previousSecret"),
                      t("previousSecretUntil", { until: when(endpoint.previousSecretUntil) }),
                    ],
                  ] as [string, string][])
                : []),
            ]}
          />
          <div className="mt-6">
            <EndpointActions
              id={endpoint.id}
              url={endpoint.url}
              enabled={endpoint.enabled}
              overlapHours={Math.round(ROTATION_OVERLAP_MS / HOUR_MS)}
            />
          </div>
        </Section>
        <Section id="endpoint-edit" title={t("editTitle")}>
          <div className="max-w-3xl">
            <EditEndpointForm
              endpoint={{
                id: endpoint.id,
                url: endpoint.url,
                description: endpoint.description,
                eventTypes: endpoint.eventTypes,
                enabled: endpoint.enabled,
              }}
            />
          </div>
        </Section>
        <Section id="endpoint-deliveries" title={t("deliveries")}>
          <p className="mb-4 max-w-3xl text-sm text-slate-600">
            {t("deliveriesHint", { days: DELIVERY_RETENTION_DAYS })}
          </p>
          {deliveries.rows.length === 0 ? (
            <EmptyState>{after ? t("noOlderDeliveries") : t("noDeliveries")}</EmptyState>
          ) : (
            <RowAnnouncer>
              <DataTable
                caption={t("deliveriesCaption", { url: endpoint.url })}
                columns={[
                  { label: t("event") },
                  { label: t("createdAt") },
                  { label: t("status") },
                  { label: t("attempts") },
                  { label: t("lastAttempt") },
                  { label: t("answer") },
                  { label: t("actions") },
                ]}
              >
                {deliveries.rows.map((d) => (
                  <Row key={d.id}>
                    <Cell label={t("event")}>
                      <span className="block font-mono text-xs font-semibold">{d.eventType}</span>
                      <span className="block font-mono text-xs [overflow-wrap:anywhere] text-slate-600">
                        {d.eventId}
                      </span>
                    </Cell>
                    <Cell label={t("createdAt")} className="sm:whitespace-nowrap">
                      {when(d.createdAt)}
                    </Cell>
                    <Cell label={t("status")}>
                      <span className="flex flex-col items-start gap-1">
                        <StatusBadge status={d.status}>
                          {t(`deliveryStatuses.${d.status}`)}
                        </StatusBadge>
                        {d.status === "pending" ? (
                          <span className="text-xs text-slate-600">
                            {d.inFlight
                              ? t("sendingNow")
                              : t("nextAttempt", { when: when(d.nextAttemptAt) })}
                          </span>
                        ) : d.status === "succeeded" && d.deliveredAt ? (
                          <span className="text-xs text-slate-600">{when(d.deliveredAt)}</span>
                        ) : null}
                      </span>
                    </Cell>
                    <Cell label={t("attempts")}>{format.number(d.attempts)}</Cell>
                    <Cell label={t("lastAttempt")}>
                      {d.lastAttemptAt ? (
                        <>
                          {d.lastStatusCode !== null
                            ? t("statusCode", { code: d.lastStatusCode })
                            : t("noStatusCode")}
                          {d.lastDurationMs !== null ? (
                            <span className="block text-slate-600">
                              {t("durationMs", { ms: d.lastDurationMs })}
                            </span>
                          ) : null}
                          <span className="block text-slate-600">{when(d.lastAttemptAt)}</span>
                        </>
                      ) : (
                        t("notTriedYet")
                      )}
                    </Cell>
                    <Cell label={t("answer")}>
                      {d.lastError ? (
                        <span className="[overflow-wrap:anywhere] text-red-800">{d.lastError}</span>
                      ) : null}
                      {d.lastResponse ? (
                        <details className="max-w-xs">
                          <summary className="cursor-pointer text-sm underline">
                            {t("showAnswer")}
                          </summary>
                          <pre className="mt-2 max-h-48 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs [overflow-wrap:anywhere] whitespace-pre-wrap">
                            {d.lastResponse}
                          </pre>
                        </details>
                      ) : d.lastError ? null : (
                        <span className="text-slate-600">{t("noAnswer")}</span>
                      )}
                    </Cell>
                    <Cell>
                      <RedeliverButton
                        endpointId={endpoint.id}
                        deliveryId={d.id}
                        eventId={d.eventId}
                        eventType={d.eventType}
                      />
                    </Cell>
                  </Row>
                ))}
              </DataTable>
            </RowAnnouncer>
          )}
          {after || deliveries.nextCursor ? (
            <nav aria-label={t("deliveryPages")} className="mt-4 flex flex-wrap gap-4 text-sm">
              {after ? (
                <Link href={path} className="text-brand-700 underline">
                  {t("newestDeliveries")}
                </Link>
              ) : null}
              {deliveries.nextCursor ? (
                <Link
                  href={`${path}${queryString({ after: deliveries.nextCursor })}`}
                  rel="next"
                  className="text-brand-700 underline"
                >
                  {t("olderDeliveries")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </Section>
        <Section id="endpoint-retry" title={t("retryTitle")}>
          <p className="mb-4 max-w-3xl text-sm text-slate-600">
            {t("retryHint", { days: Math.round(DELIVERY_DEADLINE_MS / DAY_MS) })}
          </p>
          <RetryFailedForm
            id={endpoint.id}
            zone={zone}
            defaultSince={wallClockOf(new Date(now.getTime() - DAY_MS), zone)}
          />
        </Section>
      </div>
    </ClientMessages>
  );
}

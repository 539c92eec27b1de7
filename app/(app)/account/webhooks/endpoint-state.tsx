import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/app/_components/ui";
import { DISABLE_AFTER_MS } from "@/lib/webhooks/deliver";
import type { WebhookEndpointView } from "@/lib/webhooks/queries";

const DAY_MS = 24 * 60 * 60 * 1000;

/** On or off, and why it is off or whether it is failing: on the list and on the endpoint's page. */
export async function EndpointState({
  endpoint,
}: {
  endpoint: Pick<WebhookEndpointView, "enabled" | "disabledReason" | "failingSince">;
}) {
  const [t, format] = await Promise.all([getTranslations("webhooks"), getFormatter()]);
  return (
    <span className="flex flex-col items-start gap-1">
      <StatusBadge status={endpoint.enabled ? "active" : "deactivated"}>
        {endpoint.enabled ? t("on") : t("off")}
      </StatusBadge>
      {!endpoint.enabled && endpoint.disabledReason === "failing" ? (
        <span className="text-sm text-red-800">
          {t("turnedOffFailing", { days: Math.round(DISABLE_AFTER_MS / DAY_MS) })}
        </span>
      ) : endpoint.enabled && endpoint.failingSince ? (
        <span className="text-sm text-amber-900">
          {t("failingSince", { when: format.dateTime(endpoint.failingSince, "moment") })}
        </span>
      ) : null}
    </span>
  );
}

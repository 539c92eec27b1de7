"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { useAnnounced } from "@/app/_components/row-announcer";
import { redeliverEvent } from "../actions";

/** Sends a delivery's event again; the answer is announced above the table, where the new delivery appears. */
export function RedeliverButton({
  endpointId,
  deliveryId,
  eventId,
  eventType,
}: {
  endpointId: string;
  deliveryId: string;
  eventId: string;
  eventType: string;
}) {
  const t = useTranslations("webhooks");
  const form = useActionForm(useAnnounced(redeliverEvent));
  return (
    <ActionForm form={form} feedback={false}>
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <input type="hidden" name="eventId" value={eventId} />
      <SubmitButton
        aria-label={t("redeliverLabel", { type: eventType, id: eventId })}
        className="btn-small"
      >
        {t("redeliver")}
      </SubmitButton>
    </ActionForm>
  );
}

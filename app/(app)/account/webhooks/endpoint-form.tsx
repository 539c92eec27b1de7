"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionForm, SubmitButton, useActionForm, useField } from "@/app/_components/form/runtime";
import { describedBy, FieldNotes } from "@/app/_components/form/field-notes";
import { Field } from "@/app/_components/form/text-field";
import { CheckboxField } from "@/app/_components/form/choice-fields";
import { EVENT_TYPES } from "@/lib/enums";
import { WEBHOOK_DESCRIPTION_MAX, WEBHOOK_URL_MAX } from "@/lib/webhooks/inputs";
import { createEndpoint, updateEndpoint } from "./actions";
import { ShownOnce } from "@/app/_components/shown-once";

type Endpoint = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[] | null;
  enabled: boolean;
};

/**
 * Which events go to the endpoint: all of them (also types added later), or
 * the ticked ones. The boxes are out of use while "All events" is chosen.
 */
function EventChoice({ eventTypes }: { eventTypes: string[] | null }) {
  const t = useTranslations("webhooks");
  const choice = useField("events", t("events"));
  const types = useField("eventTypes", t("eventTypesLegend"));
  const keptChoice = choice.kept?.[0];
  const [all, setAll] = useState((keptChoice ?? (eventTypes ? "some" : "all")) === "all");
  const ticked = types.kept ?? eventTypes ?? [];
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">{t("events")}</legend>
      <label className="flex items-center gap-2 text-sm">
        <input
          id={choice.id}
          type="radio"
          name="events"
          value="all"
          checked={all}
          onChange={() => setAll(true)}
          className="size-4"
        />
        {t("allEvents")}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="radio"
          name="events"
          value="some"
          checked={!all}
          onChange={() => setAll(false)}
          className="size-4"
        />
        {t("someEvents")}
      </label>
      <fieldset
        disabled={all}
        aria-describedby={describedBy(types.id, undefined, types.errors)}
        className="ml-6 flex flex-col gap-1 disabled:opacity-60"
      >
        <legend className="sr-only">{t("eventTypesLegend")}</legend>
        {EVENT_TYPES.map((type, index) => (
          <label key={type} className="flex min-h-6 items-center gap-2 text-sm">
            <input
              id={index === 0 ? types.id : `${types.id}-${index}`}
              type="checkbox"
              name="eventTypes"
              value={type}
              defaultChecked={ticked.includes(type)}
              aria-invalid={types.errors.length > 0 || undefined}
              className="size-4"
            />
            <code className="font-mono text-xs">{type}</code>
          </label>
        ))}
        <FieldNotes id={types.id} errors={types.errors} />
      </fieldset>
    </fieldset>
  );
}

function EndpointFields({ endpoint }: { endpoint?: Endpoint }) {
  const t = useTranslations("webhooks");
  return (
    <>
      <Field
        label={t("url")}
        name="url"
        type="url"
        inputMode="url"
        required
        maxLength={WEBHOOK_URL_MAX}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        defaultValue={endpoint?.url}
        hint={t("urlHint")}
      />
      <Field
        label={t("description")}
        name="description"
        maxLength={WEBHOOK_DESCRIPTION_MAX}
        autoComplete="off"
        defaultValue={endpoint?.description}
        hint={t("descriptionHint")}
      />
      <EventChoice eventTypes={endpoint ? endpoint.eventTypes : null} />
      <CheckboxField
        label={t("enabledLabel")}
        name="enabled"
        defaultChecked={endpoint ? endpoint.enabled : true}
      />
    </>
  );
}

/** A new endpoint; once made, its signing secret is shown this once. */
export function CreateEndpointForm() {
  const t = useTranslations("webhooks");
  const form = useActionForm(createEndpoint);
  const made = form.state?.ok ? form.state.params : undefined;
  return (
    <div className="flex flex-col gap-4">
      {typeof made?.secret === "string" ? (
        <div className="flex flex-col gap-2">
          <ShownOnce
            value={made.secret}
            text={{
              title: t("newSecretTitle"),
              hint: t("newSecretHint"),
              label: t("secretLabel"),
              copy: t("copySecret"),
              copied: t("copied"),
            }}
          />
          <Link href={`/account/webhooks/${made.id}`} className="text-brand-700 text-sm underline">
            {t("openEndpoint", { url: String(made.url) })}
          </Link>
        </div>
      ) : null}
      <ActionForm form={form} resetOnSuccess className="flex flex-col gap-4">
        <EndpointFields />
        <div>
          <SubmitButton>{t("create")}</SubmitButton>
        </div>
      </ActionForm>
    </div>
  );
}

/** The endpoint's address, description, events and whether it is on. */
export function EditEndpointForm({ endpoint }: { endpoint: Endpoint }) {
  const t = useTranslations("webhooks");
  const form = useActionForm(updateEndpoint);
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <input type="hidden" name="id" value={endpoint.id} />
      <EndpointFields endpoint={endpoint} />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

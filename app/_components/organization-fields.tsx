"use client";

import { useTranslations } from "next-intl";
import { Field } from "./form";

export type OrganizationValues = Partial<
  Record<
    | "name"
    | "addressLine1"
    | "addressLine2"
    | "city"
    | "region"
    | "postalCode"
    | "country"
    | "phone"
    | "contactFirstName"
    | "contactLastName"
    | "contactEmail"
    | "contactPhone",
    string | null
  >
>;

/** Organization and contact fields, shared by every form that edits them. */
export function OrganizationFields({ values = {} }: { values?: OrganizationValues }) {
  const t = useTranslations("organization");
  const v = (key: keyof OrganizationValues) => values[key] ?? undefined;
  return (
    <>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("title")}</legend>
        <Field
          label={t("name")}
          name="name"
          defaultValue={v("name")}
          required
          autoComplete="organization"
        />
        <Field
          label={t("addressLine1")}
          name="addressLine1"
          defaultValue={v("addressLine1")}
          required
          autoComplete="address-line1"
        />
        <Field
          label={t("addressLine2")}
          name="addressLine2"
          defaultValue={v("addressLine2")}
          autoComplete="address-line2"
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t("city")}
            name="city"
            defaultValue={v("city")}
            required
            autoComplete="address-level2"
          />
          <Field
            label={t("region")}
            name="region"
            defaultValue={v("region")}
            autoComplete="address-level1"
          />
          <Field
            label={t("postalCode")}
            name="postalCode"
            defaultValue={v("postalCode")}
            required
            autoComplete="postal-code"
          />
          <Field
            label={t("country")}
            name="country"
            defaultValue={v("country")}
            required
            autoComplete="country-name"
          />
        </div>
        <Field
          label={t("phone")}
          name="phone"
          type="tel"
          defaultValue={v("phone")}
          autoComplete="tel"
        />
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("contact")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t("contactFirstName")}
            name="contactFirstName"
            defaultValue={v("contactFirstName")}
            required
            autoComplete="off"
          />
          <Field
            label={t("contactLastName")}
            name="contactLastName"
            defaultValue={v("contactLastName")}
            required
            autoComplete="off"
          />
          <Field
            label={t("contactEmail")}
            name="contactEmail"
            type="email"
            defaultValue={v("contactEmail")}
            required
            autoComplete="off"
          />
          <Field
            label={t("contactPhone")}
            name="contactPhone"
            type="tel"
            defaultValue={v("contactPhone")}
            autoComplete="off"
          />
        </div>
      </fieldset>
    </>
  );
}

import { z } from "zod";
import { newSubaccountInput } from "@/lib/subaccounts/inputs";

const list = (value: unknown) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * The create form as submitted: its Administrator's fields carry an "admin"
 * prefix (and count only for a type someone signs in to), and the types it may
 * create in turn are a group of boxes.
 */
export const createFormInput = z.preprocess((raw) => {
  if (typeof raw !== "object" || raw === null) return raw;
  const {
    adminFirstName,
    adminLastName,
    adminEmail,
    adminUsername,
    locale,
    allowedSubaccountTypes,
    ...rest
  } = raw as Record<string, unknown>;
  return {
    ...rest,
    allowedSubaccountTypes: list(allowedSubaccountTypes),
    administrator:
      rest.type === "managed"
        ? null
        : {
            firstName: adminFirstName ?? "",
            lastName: adminLastName ?? "",
            email: adminEmail ?? "",
            username: adminUsername ?? "",
            locale,
          },
  };
}, newSubaccountInput);

/** Where the form shows what the input or the domain says about its Administrator. */
export const CREATE_FORM_FIELDS = {
  "administrator.firstName": "adminFirstName",
  "administrator.lastName": "adminLastName",
  "administrator.email": "adminEmail",
  "administrator.username": "adminUsername",
  "administrator.locale": "locale",
  administrator: "adminUsername",
  username: "adminUsername",
  email: "adminEmail",
};

import type { Lang } from "./messages";

export const admin = {
  accountName: "Northwind Certificates",
  firstName: "Ada",
  lastName: "Admin",
  email: "ada@northwind.example",
  username: "ada.admin",
  password: "Northwind-Adm1n!",
};
export const adminState = "test-results/.auth/admin.json";

/** A second Administrator of the same account who reads the portal in German. */
export const germanAdmin = {
  firstName: "Dieter",
  lastName: "Deutsch",
  email: "dieter@northwind.example",
  username: "dieter.deutsch",
  password: "Nordwind-Verw4ltung!",
};
export const germanAdminState = "test-results/.auth/admin-de.json";

/** The signed-in Administrator who sees the portal in `lang`. */
export const administratorIn = (lang: Lang) =>
  lang === "en"
    ? { ...admin, state: adminState }
    : { ...admin, ...germanAdmin, state: germanAdminState };

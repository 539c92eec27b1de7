import { pgEnum } from "drizzle-orm/pg-core";

export const accountType = pgEnum("account_type", ["enterprise", "reseller", "retail", "managed"]);
export const accountStatus = pgEnum("account_status", ["active", "deactivated"]);
export const billingMode = pgEnum("billing_mode", ["bill_to_parent", "bill_to_subaccount"]);
export const pricingMode = pgEnum("pricing_mode", ["standard", "custom"]);
export const createdVia = pgEnum("created_via", ["setup", "invitation", "manual"]);
export const userRole = pgEnum("user_role", [
  "administrator",
  "manager",
  "finance_manager",
  "user",
]);
export const userStatus = pgEnum("user_status", ["active", "deactivated"]);
export const locale = pgEnum("locale", ["en", "de"]);

import { type AnyColumn, sql } from "drizzle-orm";

/** "First Last" in SQL, for the users table or an alias of it; null when a left-joined user is absent. */
export function fullName(t: { firstName: AnyColumn; lastName: AnyColumn }) {
  return sql<string>`trim(${t.firstName} || ' ' || ${t.lastName})`;
}

import type { z } from "zod";
import { snakeCase } from "../endpoint";

/** "addressLine1" → "address_line1", as a type. */
export type Snake<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}`
  : S;

/** A zod shape with its keys in the API's snake_case: the same field schemas, renamed. */
export function snakeShape<T extends z.ZodRawShape>(
  shape: T,
): { [K in keyof T & string as Snake<K>]: T[K] } {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [snakeCase(k), v])) as never;
}

/** An object's snake_case keys back in the domain's camelCase (one level). */
export function camelKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()),
      v,
    ]),
  );
}

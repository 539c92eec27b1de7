import { z } from "zod";
import "zod-openapi";
import { decodeCursor } from "@/lib/lists/keyset";
import { MAX_PRICE_CENTS } from "@/lib/subaccounts/rules";

/** What every part of the API shares: ids, times, pages, problems. */

export const timestamp = z.iso
  .datetime({ offset: true })
  .meta({ example: "2026-12-01T09:30:00.000Z" });
export const nullableTimestamp = timestamp.nullable();

export const idParams = z.strictObject({
  id: z
    .uuid()
    .meta({ description: "The resource's id", example: "5b0a3c58-3f6c-4a3e-9d51-2f3a8f7f4c10" }),
});

/** One product's price and availability as a subaccount's products and an invitation's terms write them. */
export const apiProductTerm = z.strictObject({
  product_id: z.uuid(),
  price_cents: z
    .number()
    .int()
    .min(0)
    .max(MAX_PRICE_CENTS)
    .nullable()
    .meta({ description: "Null: the list price" }),
  available: z.boolean(),
});

export const LIST_LIMIT_MAX = 100;

/** A page's size and where it starts: the `next_cursor` of the page before. */
export const pageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(LIST_LIMIT_MAX)
    .default(25)
    .meta({
      description: `Rows per page, 1 to ${LIST_LIMIT_MAX}`,
    }),
  // Refused when it is not one, rather than read as "from the start".
  cursor: z
    .string()
    .max(200)
    .refine((value) => decodeCursor(value) !== null, { message: "v.invalid_cursor" })
    .optional()
    .meta({
      description: "The `next_cursor` of the previous page",
    }),
};

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      next_cursor: z.string().nullable().meta({ description: "Null on the last page" }),
    })
    .meta({ id });
}

/** The `Link` header of a list page: the same request, from the next cursor on. */
function nextLink(url: URL, nextCursor: string | null): Record<string, string> {
  if (!nextCursor) return {};
  const next = new URL(url);
  next.searchParams.set("cursor", nextCursor);
  return { link: `<${next.pathname}${next.search}>; rel="next"` };
}

/** The answer of a list (`pageOf`): its rows as `item` shows them, the next cursor and its `Link`. */
export function pageAnswer<T>(
  url: URL,
  page: { rows: T[]; nextCursor: string | null },
  item: (row: T) => unknown,
) {
  return {
    status: 200,
    body: { data: page.rows.map((row) => item(row)), next_cursor: page.nextCursor },
    headers: nextLink(url, page.nextCursor),
  };
}

export const problemSchema = z
  .object({
    type: z.string().meta({ example: "tag:certportal,2026:problem:invitation_not_found" }),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({
      description: "The refusal's stable code, as in `type`",
      example: "invitation_not_found",
    }),
    detail: z.string().optional(),
    errors: z
      .array(
        z.object({
          in: z.enum(["body", "query", "path", "header"]),
          pointer: z
            .string()
            .meta({ description: "A JSON pointer into the body, or the parameter's name" }),
          code: z.string(),
        }),
      )
      .optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .meta({ id: "Problem", description: "An RFC 9457 problem" });

/** Names an actor: a person, or an API key acting for the person who made it. */
export const actorSchema = z
  .object({
    name: z.string().nullable().meta({ description: "The person; null for CertPortal itself" }),
    api_key: z
      .string()
      .nullable()
      .meta({ description: "The key's name, when the change came through the API" }),
  })
  .meta({ id: "Actor" });

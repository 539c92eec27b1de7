import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, invitations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { INVITABLE_TYPES, type InvitableType, LOCALES, type Locale } from "@/lib/enums";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { newInvitationInput } from "../inputs";
import { invitableTypesOf, type NewInvitation } from "../send";
import { statusCondition } from "../status";
import { type InvitationTemplate, listInvitationTemplates, withTemplate } from "../templates";
import { changedTerms, settableTerms, type TermKey } from "../terms";
import type { RawBulkRow } from "./parse";

/** The check of a bulk upload before anything is sent: each row's problems, and the counts. */

export const BULK_PROBLEMS = [
  "email_invalid",
  "email_missing",
  "type_unknown",
  "type_not_allowed",
  "language_unknown",
  "message_too_long",
  "name_too_long",
  "duplicate_in_file",
  "already_pending",
  "already_user",
  "template_unknown",
  "template_not_allowed",
] as const;
export type BulkProblem = (typeof BULK_PROBLEMS)[number];

/** A checked row: what it would send (null when it has problems), or why not. */
export type PreviewRow = {
  row: number;
  email: string;
  input: NewInvitation | null;
  problems: BulkProblem[];
};
export type BulkPreview = {
  rows: PreviewRow[];
  counts: {
    rows: number;
    valid: number;
    invalid: number;
    byProblem: Partial<Record<BulkProblem, number>>;
  };
};

const word = (value: string) => value.normalize("NFC").trim().toLowerCase();

/**
 * The types a file may name: the code, or its label in English or German, as
 * the messages have them ("Reseller/Partner"). Managed is not among them: it is
 * never invited, so a file that names it names an unknown type.
 */
const TYPE_BY_WORD = new Map<string, InvitableType>(
  INVITABLE_TYPES.flatMap((type) =>
    [type, en.accountTypes[type], de.accountTypes[type]].map((w) => [word(w), type] as const),
  ),
);

/** Languages by code or by name in either language ("de", "German", "Deutsch"). */
const LOCALE_BY_WORD = new Map<string, Locale>(
  LOCALES.flatMap((locale) =>
    [locale, en.common.languages[locale], de.common.languages[locale]].map(
      (w) => [word(w), locale] as const,
    ),
  ),
);

// A file's rows carry no terms of their own.
type InputField = Exclude<keyof NewInvitation, "terms">;

/** Which problem a refusal of newInvitationInput's field is, so its rules stay in one place. */
const PROBLEM_OF_FIELD: Record<InputField, (cells: RawBulkRow["cells"]) => BulkProblem> = {
  email: (cells) => (cells.email?.trim() ? "email_invalid" : "email_missing"),
  subaccountType: () => "type_unknown",
  locale: () => "language_unknown",
  customMessage: () => "message_too_long",
  firstName: () => "name_too_long",
  lastName: () => "name_too_long",
  company: () => "name_too_long",
};

/** What a row's checks need besides the row: the account's types and templates, the reader. */
type RowContext = {
  allowed: ReadonlySet<InvitableType>;
  defaultLocale: Locale;
  /** The account's templates by name in lower case. */
  templates: ReadonlyMap<string, InvitationTemplate>;
  /** The terms this actor may set: a template's others refuse the row. */
  settable: readonly TermKey[];
};

/** A row's own problems, without the other rows or the database; its input when it has none. */
function checkRow(
  cells: RawBulkRow["cells"],
  context: RowContext,
): { input: NewInvitation | null; problems: Set<BulkProblem> } {
  const problems = new Set<BulkProblem>();
  const named = cells.template?.trim();
  const template = named ? (context.templates.get(named.toLowerCase()) ?? null) : null;
  if (named && !template) problems.add("template_unknown");
  if (template && changedTerms(null, template.terms).some((k) => !context.settable.includes(k)))
    problems.add("template_not_allowed");
  const type = cells.subaccount_type?.trim();
  const language = cells.language?.trim();
  // The row's own cells win; what it leaves empty its template fills in.
  const parsed = newInvitationInput.safeParse(
    withTemplate(template, {
      email: cells.email ?? "",
      // An unknown word goes through as it is: the schema refuses it.
      subaccountType: type ? (TYPE_BY_WORD.get(word(type)) ?? type) : template ? undefined : "",
      locale: language
        ? (LOCALE_BY_WORD.get(word(language)) ?? language)
        : template
          ? undefined
          : context.defaultLocale,
      customMessage: cells.custom_message?.trim() ? cells.custom_message : undefined,
      firstName: cells.first_name ?? null,
      lastName: cells.last_name ?? null,
      company: cells.company ?? null,
    } as Record<string, unknown>),
  );
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as InputField;
      // Terms come only from a template, checked when it was saved.
      problems.add(PROBLEM_OF_FIELD[field]?.(cells) ?? "template_not_allowed");
    }
    return { input: null, problems };
  }
  if (!context.allowed.has(parsed.data.subaccountType)) problems.add("type_not_allowed");
  return { input: problems.size ? null : parsed.data, problems };
}

/** The addresses as one text[] parameter: a statement for any number of them. */
const addressArray = (addresses: string[]) => sql`${sql.param(addresses)}::text[]`;

/**
 * Which of these (lower-case) addresses have a pending, unexpired invitation of
 * the account. One probe of the partial unique index on (account_id,
 * lower(email)) per address, through the lateral join: joined as a set, the
 * planner reads every pending invitation of the account instead, which grows
 * with the account and not with the file.
 */
async function pendingAmong(db: Db, accountId: string, addresses: string[], now: Date) {
  const result = (await db.execute(sql`
    select x.email from unnest(${addressArray(addresses)}) as x(email)
    cross join lateral (
      select 1 from ${invitations}
      where ${invitations.accountId} = ${accountId}
        and lower(${invitations.email}) = x.email
        and ${statusCondition("pending", now)}
      limit 1
    ) pending
  `)) as unknown as { rows: { email: string }[] };
  return new Set(result.rows.map((r) => r.email));
}

/**
 * Which of these addresses belong to a user of one of the account's direct
 * subaccounts (whatever the user's status: the address is taken there). Reads
 * the users of those subaccounts through the indexes on accounts.parent_id and
 * users.account_id, and hashes the addresses.
 */
async function usersAmong(db: Db, accountId: string, addresses: string[]) {
  const rows = await db
    .selectDistinct({ email: sql<string>`lower(${users.email})` })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(
      and(
        eq(accounts.parentId, accountId),
        sql`lower(${users.email}) in (select unnest(${addressArray(addresses)}))`,
      ),
    );
  return new Set(rows.map((r) => r.email));
}

/**
 * Checks every row for this actor's account; writes nothing. JSON rows (from
 * the API) go through the same checks as parsed CSV rows: the same schema as
 * one invitation, the types the account may offer, the same address twice in
 * the file (the first one stands), already pending, already a user of a
 * subaccount. A row's problems are listed in the order of BULK_PROBLEMS.
 */
export async function previewBulkInvitations(
  db: Db,
  actor: Actor,
  rows: RawBulkRow[],
  now: Date,
): Promise<BulkPreview> {
  authorize(actor, "invitations.create");
  const context: RowContext = {
    allowed: new Set(await invitableTypesOf(db, actor.accountId)),
    defaultLocale: actor.locale ?? "en",
    templates: new Map(
      (await listInvitationTemplates(db, actor.accountId)).map((t) => [t.name.toLowerCase(), t]),
    ),
    settable: settableTerms(actor.role),
  };

  const seen = new Set<string>();
  const checked = rows.map(({ row, cells }) => {
    const email = cells.email?.trim() ?? "";
    const { input, problems } = checkRow(cells, context);
    const address = email.toLowerCase();
    if (address) {
      if (seen.has(address)) problems.add("duplicate_in_file");
      seen.add(address);
    }
    return { row, email, input, problems };
  });

  // Only well-formed addresses can be invited already.
  const addresses = [...new Set(checked.flatMap((r) => (r.input ? [r.input.email] : [])))];
  const [pending, taken] =
    addresses.length === 0
      ? [new Set<string>(), new Set<string>()]
      : [
          await pendingAmong(db, actor.accountId, addresses, now),
          await usersAmong(db, actor.accountId, addresses),
        ];

  return previewOf(
    checked.map(({ row, email, input, problems }): PreviewRow => {
      if (input && pending.has(input.email)) problems.add("already_pending");
      if (input && taken.has(input.email)) problems.add("already_user");
      const listed = BULK_PROBLEMS.filter((p) => problems.has(p));
      return { row, email, input: listed.length === 0 ? input : null, problems: listed };
    }),
  );
}

/** Checked rows with their counts: how many can be sent, and how many have each problem. */
export function previewOf(rows: PreviewRow[]): BulkPreview {
  const byProblem: Partial<Record<BulkProblem, number>> = {};
  let valid = 0;
  for (const { problems } of rows) {
    for (const p of problems) byProblem[p] = (byProblem[p] ?? 0) + 1;
    if (problems.length === 0) valid++;
  }
  return { rows, counts: { rows: rows.length, valid, invalid: rows.length - valid, byProblem } };
}

import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Locale } from "@/lib/enums";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { InvitationError } from "../errors";

/** A bulk upload's file: its columns, read the same in English and German, and its template. */

export const BULK_MAX_ROWS = 10_000;
/** The largest file taken, by the page and the API alike: 10,000 rows with long messages fit. */
export const BULK_FILE_MAX_MEGABYTES = 8;
export const BULK_FILE_MAX_BYTES = BULK_FILE_MAX_MEGABYTES * 1024 * 1024;
export const BULK_COLUMNS = [
  "email",
  "subaccount_type",
  "language",
  "custom_message",
  "first_name",
  "last_name",
  "company",
  "template",
] as const;
export type BulkColumn = (typeof BULK_COLUMNS)[number];

/**
 * One data row of the file: its number as a spreadsheet shows it (the header is
 * row 1, so the first data row is 2), and its cells by column. Precisely, the
 * number is the line of the file the row begins on, blank lines counted: the
 * same as a spreadsheet's row until a quoted cell spans several lines, and then
 * still where a text editor finds it. JSON rows of the API are numbered from 1.
 */
export type RawBulkRow = { row: number; cells: Partial<Record<BulkColumn, string>> };

/** Why a file is refused as a whole: the `reason` of "bulk_file_invalid". */
export const BULK_FILE_PROBLEMS = [
  "empty",
  "not_utf8",
  "no_email_column",
  "duplicate_column",
  "too_many_rows",
  "unreadable",
  "unknown_column",
] as const;
export type BulkFileProblem = (typeof BULK_FILE_PROBLEMS)[number];

function refused(reason: BulkFileProblem, params: Record<string, string | number> = {}) {
  return new InvitationError("bulk_file_invalid", undefined, { reason, ...params });
}

/**
 * The names a column goes by, in the template's languages and as people write
 * them: the first German one heads the German template. Compared case-insensitively
 * with spaces, hyphens and underscores left out ("E-Mail" is "email").
 */
const COLUMN_NAMES: Record<BulkColumn, { de: string; also: string[] }> = {
  email: { de: "E-Mail", also: ["Email address", "E-Mail-Adresse", "Mail"] },
  subaccount_type: {
    de: "Unterkontotyp",
    also: ["Type", "Account type", "Typ", "Kontotyp", "Unterkonto-Typ"],
  },
  language: { de: "Sprache", also: ["Locale"] },
  custom_message: {
    de: "Persönliche Nachricht",
    also: ["Message", "Personal message", "Nachricht", "Benutzerdefinierte Nachricht"],
  },
  first_name: { de: "Vorname", also: ["First name", "Given name"] },
  last_name: { de: "Nachname", also: ["Last name", "Surname", "Family name"] },
  company: { de: "Firma", also: ["Company name", "Organization", "Unternehmen", "Organisation"] },
  template: { de: "Vorlage", also: ["Invitation template", "Einladungsvorlage"] },
};

const key = (name: string) =>
  name
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

const COLUMN_BY_KEY = new Map<string, BulkColumn>(
  BULK_COLUMNS.flatMap((column) =>
    [column, COLUMN_NAMES[column].de, ...COLUMN_NAMES[column].also].map(
      (name) => [key(name), column] as const,
    ),
  ),
);

/** The column a header cell names, if any. */
export function bulkColumnOf(name: string): BulkColumn | undefined {
  return COLUMN_BY_KEY.get(key(name));
}

function decode(input: string | Uint8Array): string {
  if (typeof input === "string") return input;
  try {
    // Leaves a BOM in place: csv-parse's `bom` takes it off, for strings alike.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    throw refused("not_utf8");
  }
}

/**
 * The header's delimiter: a semicolon when it has more of them than commas
 * outside quotes (German Excel writes semicolons), else a comma. The header
 * is the first line that is not blank.
 */
function delimiterOf(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  let started = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "\n") {
      if (started) break;
    } else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
    if (char.trim() !== "" && char !== "\uFEFF") started = true;
  }
  return semicolons > commas ? ";" : ",";
}

/** Line breaks within a record's cells: how many lines the record spans beyond its first. */
function breaksIn(cells: string[]): number {
  let n = 0;
  for (const cell of cells)
    for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) n++;
  return n;
}

/** The first line at or after `from` (1-based) that holds more than blanks and delimiters. */
function firstFilledLine(text: string, from: number, delimiter: string): number {
  const lines = text.split("\n");
  for (let i = from - 1; i < lines.length; i++) {
    if (lines[i]!.split(delimiter).some((cell) => cell.trim() !== "")) return i + 1;
  }
  return from;
}

/**
 * Reads a bulk upload's CSV: UTF-8 with or without a BOM, comma or semicolon,
 * quoted cells with line breaks, blank lines skipped, every cell trimmed; the
 * columns by their English or German names. Refuses the whole file, with the
 * reason, when it cannot be read as such.
 */
export function parseBulkCsv(input: string | Uint8Array): RawBulkRow[] {
  // One kind of line break: csv-parse counts a quoted CRLF as two lines, and a
  // message keeps its lines as the invitation email writes them.
  const text = decode(input).replace(/\r\n?/g, "\n");
  const delimiter = delimiterOf(text);
  // The line each record ends on, as csv-parse counts them (from 1), beside the records.
  const ends: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      trim: true,
      // A quote inside an unquoted cell (Say "hi") is kept as written.
      relax_quotes: true,
      skip_empty_lines: true,
      // A line of empty cells (";;;;" from a spreadsheet) is as blank as an empty one.
      skip_records_with_empty_values: true,
      // Spreadsheets leave out a row's empty cells at its end; a cell too many is a
      // delimiter in an unquoted value, refused rather than guessed at.
      relax_column_count_less: true,
      // The header and the rows, and one more to tell a file that is too long.
      to: BULK_MAX_ROWS + 2,
      on_record: (record, context) => {
        ends.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    // The record that failed begins after the last one read: where an unclosed
    // quote was opened, not the end of the file where csv-parse noticed it.
    const code = (error as { code?: unknown }).code;
    throw refused("unreadable", {
      line: firstFilledLine(text, (ends.at(-1) ?? 0) + 1, delimiter),
      ...(typeof code === "string" ? { problem: code } : {}),
    });
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0) throw refused("empty");
  if (rows.length > BULK_MAX_ROWS) throw refused("too_many_rows", { max: BULK_MAX_ROWS });

  const columns = header.map((name): BulkColumn | null => {
    // A column without a name (a spreadsheet's trailing delimiter) is left out.
    if (name === "") return null;
    const column = bulkColumnOf(name);
    if (!column) throw refused("unknown_column", { column: name });
    return column;
  });
  const seen = new Set<BulkColumn>();
  header.forEach((name, i) => {
    const column = columns[i];
    if (!column) return;
    if (seen.has(column)) throw refused("duplicate_column", { column: name });
    seen.add(column);
  });
  if (!seen.has("email")) throw refused("no_email_column");

  return rows.map((record, i) => {
    const cells: RawBulkRow["cells"] = {};
    record.forEach((value, c) => {
      const column = columns[c];
      if (column) cells[column] = value.trim();
    });
    // A record began as many lines before its end as its cells break.
    return { row: ends[i + 1]! - breaksIn(record), cells };
  });
}

const MESSAGES = { en, de } as const;

/**
 * The template to download, in the reader's language: the header and two
 * example rows. German uses semicolons, as German Excel expects, and both carry
 * a BOM so that Excel reads the file as UTF-8.
 */
export function bulkTemplateCsv(locale: Locale): string {
  const words = MESSAGES[locale];
  const header = BULK_COLUMNS.map((c) => (locale === "de" ? COLUMN_NAMES[c].de : c));
  const example = words.bulkInvite.template;
  const rows = [
    [
      "alex.morgan@example.com",
      locale === "de" ? words.accountTypes.enterprise : "enterprise",
      locale,
      example.message,
      "Alex",
      "Morgan",
      example.company,
      // No template: the row says everything itself.
      "",
    ],
    [
      "sam.lee@example.org",
      locale === "de" ? words.accountTypes.retail : "retail",
      locale === "de" ? words.common.languages.en : "de",
      "",
      "Sam",
      "Lee",
      "",
      "",
    ],
  ];
  return stringify([header, ...rows], {
    bom: true,
    delimiter: locale === "de" ? ";" : ",",
    record_delimiter: "\r\n",
  });
}

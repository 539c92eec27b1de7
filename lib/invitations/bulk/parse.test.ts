import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { BULK_MAX_ROWS, bulkColumnOf, bulkTemplateCsv, parseBulkCsv } from "./parse";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The refusal parseBulkCsv throws, as code and params. */
function refusal(input: string | Uint8Array) {
  try {
    parseBulkCsv(input);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error("the file was read");
}

describe("reading a bulk upload", () => {
  it("reads UTF-8 with a BOM and without one alike, as bytes or as text", () => {
    const text = "email,subaccount_type\nbjörn@example.com,retail\n";
    const expected = [{ row: 2, cells: { email: "björn@example.com", subaccount_type: "retail" } }];
    expect(parseBulkCsv(text)).toEqual(expected);
    expect(parseBulkCsv(`\uFEFF${text}`)).toEqual(expected);
    expect(parseBulkCsv(utf8(text))).toEqual(expected);
    expect(parseBulkCsv(utf8(`\uFEFF${text}`))).toEqual(expected);
  });

  it("reads a German Excel file: semicolons, German headers, CRLF, commas in a cell", () => {
    const file =
      "\uFEFFE-Mail-Adresse;Unterkontotyp;Sprache;Persönliche Nachricht;Vorname;Nachname;Unternehmen\r\n" +
      "anna@example.de;Reseller/Partner;Deutsch;Hallo, Anna!;Anna;Schmidt;Schmidt & Söhne\r\n" +
      "ben@example.de;Retail;;;;;\r\n";
    expect(parseBulkCsv(utf8(file))).toEqual([
      {
        row: 2,
        cells: {
          email: "anna@example.de",
          subaccount_type: "Reseller/Partner",
          language: "Deutsch",
          custom_message: "Hallo, Anna!",
          first_name: "Anna",
          last_name: "Schmidt",
          company: "Schmidt & Söhne",
        },
      },
      {
        row: 3,
        cells: {
          email: "ben@example.de",
          subaccount_type: "Retail",
          language: "",
          custom_message: "",
          first_name: "",
          last_name: "",
          company: "",
        },
      },
    ]);
  });

  it("takes the delimiter the header has more of, whatever the rows hold", () => {
    expect(parseBulkCsv('"email";"custom_message"\na@example.com;Hi, Ann, hi, hi\n')).toEqual([
      { row: 2, cells: { email: "a@example.com", custom_message: "Hi, Ann, hi, hi" } },
    ]);
    expect(parseBulkCsv("email,custom_message\na@example.com,a;b;c;d\n")).toEqual([
      { row: 2, cells: { email: "a@example.com", custom_message: "a;b;c;d" } },
    ]);
  });

  it("numbers each row by the line it begins on when quoted cells span lines or lines are blank", () => {
    const file = [
      "email,custom_message", // 1
      'a@example.com,"Dear Ann,', // 2
      "", // 3: inside the quotes
      'see you soon."', // 4
      "", // 5: blank, skipped
      "b@example.com,one line", // 6
      ",", // 7: empty cells, skipped
      'c@example.com,"two\r\nlines"', // 8-9, with a Windows line break inside
      "d@example.com,last", // 10
    ].join("\r\n");
    const rows = parseBulkCsv(file);
    expect(rows.map((r) => [r.row, r.cells.email])).toEqual([
      [2, "a@example.com"],
      [6, "b@example.com"],
      [8, "c@example.com"],
      [10, "d@example.com"],
    ]);
    expect(rows[0]!.cells.custom_message).toBe("Dear Ann,\n\nsee you soon.");
    expect(rows[2]!.cells.custom_message).toBe("two\nlines");
  });

  it("trims cells, keeps quotes inside an unquoted cell and fills in missing trailing cells", () => {
    expect(
      parseBulkCsv(
        'email , language,custom_message\n  a@example.com ,  de , Say "hi"\nb@example.com\n',
      ),
    ).toEqual([
      { row: 2, cells: { email: "a@example.com", language: "de", custom_message: 'Say "hi"' } },
      { row: 3, cells: { email: "b@example.com" } },
    ]);
  });

  it("knows the columns by their English and German names, in any case and spelling", () => {
    const names: [string, string][] = [
      ["E-Mail", "email"],
      ["email", "email"],
      ["Email address", "email"],
      ["E-Mail-Adresse", "email"],
      ["EMAIL_ADDRESS", "email"],
      ["Subaccount type", "subaccount_type"],
      ["subaccount-type", "subaccount_type"],
      ["Typ", "subaccount_type"],
      ["Kontotyp", "subaccount_type"],
      ["Unterkontotyp", "subaccount_type"],
      ["Language", "language"],
      ["Sprache", "language"],
      ["custom_message", "custom_message"],
      ["Nachricht", "custom_message"],
      ["Persönliche Nachricht", "custom_message"],
      ["First name", "first_name"],
      ["Vorname", "first_name"],
      ["last_name", "last_name"],
      ["Nachname", "last_name"],
      ["Company", "company"],
      ["Firma", "company"],
      ["Unternehmen", "company"],
    ];
    expect(names.map(([name]) => [name, bulkColumnOf(name)])).toEqual(names);
  });

  it("leaves out a column without a name", () => {
    expect(parseBulkCsv("email;;\na@example.com;x;\n")).toEqual([
      { row: 2, cells: { email: "a@example.com" } },
    ]);
  });

  it.each([
    ["an empty file", "", { reason: "empty" }],
    ["blank lines only", "\n \r\n\n", { reason: "empty" }],
    ["a header without rows", "email,language\n\n", { reason: "empty" }],
    ["no email column", "name,language\nAnn,en\n", { reason: "unknown_column", column: "name" }],
    [
      "no email column among known ones",
      "Vorname;Sprache\nAnn;en\n",
      { reason: "no_email_column" },
    ],
    [
      "an unknown column",
      "email,phone\na@example.com,1\n",
      { reason: "unknown_column", column: "phone" },
    ],
    [
      "a column twice",
      "email,E-Mail\na@example.com,b@example.com\n",
      { reason: "duplicate_column", column: "E-Mail" },
    ],
  ])("refuses %s", (_name, file, params) => {
    expect(refusal(file)).toEqual({ code: "bulk_file_invalid", params });
  });

  it("refuses bytes that are not UTF-8 (a file saved as Windows-1252)", () => {
    // "Jürgen" in Windows-1252: ü is the single byte 0xFC.
    const latin1 = Uint8Array.from([
      ...utf8("email,first_name\nj@example.com,J"),
      0xfc,
      ...utf8("rgen\n"),
    ]);
    expect(refusal(latin1)).toEqual({ code: "bulk_file_invalid", params: { reason: "not_utf8" } });
  });

  it("refuses an unclosed quote with the line its row begins on", () => {
    const file =
      'email,custom_message\na@example.com,fine\n\nb@example.com,"not closed\nc@example.com,x\n';
    expect(refusal(file)).toMatchObject({
      code: "bulk_file_invalid",
      params: { reason: "unreadable", line: 4 },
    });
  });

  it("refuses a row with a cell too many, with its line", () => {
    expect(refusal("email,language\na@example.com,en\nb@example.com,en,extra\n")).toMatchObject({
      params: { reason: "unreadable", line: 3 },
    });
  });

  it(`takes ${BULK_MAX_ROWS} rows and refuses one more`, () => {
    const file = (n: number) =>
      ["email", ...Array.from({ length: n }, (_, i) => `user${i}@example.com`)].join("\n");
    expect(parseBulkCsv(file(BULK_MAX_ROWS))).toHaveLength(BULK_MAX_ROWS);
    expect(refusal(file(BULK_MAX_ROWS + 1))).toEqual({
      code: "bulk_file_invalid",
      params: { reason: "too_many_rows", max: BULK_MAX_ROWS },
    });
  });
});

describe("the bulk upload template", () => {
  it("is read back as it is written, in English and in German", () => {
    for (const locale of ["en", "de"] as const) {
      const rows = parseBulkCsv(bulkTemplateCsv(locale));
      expect(rows).toHaveLength(2);
      expect(rows.map((r) => r.row)).toEqual([2, 3]);
      expect(Object.keys(rows[0]!.cells)).toEqual([
        "email",
        "subaccount_type",
        "language",
        "custom_message",
        "first_name",
        "last_name",
        "company",
        "template",
      ]);
    }
  });

  it("speaks the reader's language: German headers and semicolons for German Excel, with a BOM", () => {
    const de = bulkTemplateCsv("de");
    expect(de.startsWith("\uFEFFE-Mail;Unterkontotyp;Sprache;")).toBe(true);
    expect(de).toContain("Willkommen!");
    const en = bulkTemplateCsv("en");
    expect(en.startsWith("\uFEFFemail,subaccount_type,language,custom_message,")).toBe(true);
  });
});

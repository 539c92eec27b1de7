import { afterEach, describe, expect, it, vi } from "vitest";
import { emailOutbox, events, invitationEvents, invitations } from "@/db/schema";
import type { Db } from "@/db";
import { DomainError } from "@/lib/errors";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { makeAccount, makeUser } from "@/tests/helpers/fixtures";
import { invite } from "@/tests/helpers/invitations";
import { subaccountOf } from "@/tests/helpers/subaccounts";
import { CUSTOM_MESSAGE_MAX } from "../constants";
import { BULK_MAX_ROWS, parseBulkCsv, type RawBulkRow } from "./parse";
import { BULK_PROBLEMS, type BulkProblem, previewBulkInvitations } from "./preview";
import { saveInvitationTemplate } from "../templates";

const t = setupTestDb();
const now = new Date("2026-03-01T09:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 3600 * 1000);

const rowsOf = (cells: RawBulkRow["cells"][]): RawBulkRow[] =>
  cells.map((c, i) => ({ row: i + 2, cells: c }));

async function written(db: Db) {
  return {
    invitations: await db.$count(invitations),
    emails: await db.$count(emailOutbox),
    history: await db.$count(invitationEvents),
    events: await db.$count(events),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("previewing a bulk upload", () => {
  it("turns good rows into invitations: types and languages by code or by name, the actor's language by default", async () => {
    const actor = await makeActor(t.db);
    const preview = await previewBulkInvitations(
      t.db,
      actor,
      rowsOf([
        {
          email: "Ann@Example.com",
          subaccount_type: "Enterprise",
          language: "Deutsch",
          custom_message: "Hallo Ann,\nbis bald.",
          first_name: "Ann",
          last_name: "Example",
          company: "Example GmbH",
        },
        { email: "bob@example.com", subaccount_type: "reseller/partner", language: "english" },
        { email: "cy@example.com", subaccount_type: "RETAIL", language: "DE" },
        { email: "dee@example.com", subaccount_type: "reseller", language: "" },
        { email: "eve@example.com", subaccount_type: "Retail", language: "German" },
      ]),
      now,
    );
    expect(preview.counts).toEqual({ rows: 5, valid: 5, invalid: 0, byProblem: {} });
    expect(preview.rows[0]).toEqual({
      row: 2,
      email: "Ann@Example.com",
      problems: [],
      input: {
        email: "ann@example.com",
        subaccountType: "enterprise",
        locale: "de",
        customMessage: "Hallo Ann,\nbis bald.",
        firstName: "Ann",
        lastName: "Example",
        company: "Example GmbH",
      },
    });
    expect(preview.rows.map((r) => [r.input?.subaccountType, r.input?.locale])).toEqual([
      ["enterprise", "de"],
      ["reseller", "en"],
      ["retail", "de"],
      ["reseller", actor.locale ?? "en"],
      ["retail", "de"],
    ]);
  });

  it("takes an empty language as the actor's", async () => {
    const actor = { ...(await makeActor(t.db)), locale: "de" as const };
    const preview = await previewBulkInvitations(
      t.db,
      actor,
      rowsOf([{ email: "ann@example.com", subaccount_type: "retail" }]),
      now,
    );
    expect(preview.rows[0]!.input?.locale).toBe("de");
  });

  it("refuses each kind of bad row, and counts them", async () => {
    // May offer Enterprise and Retail, not Reseller/Partner.
    const account = await makeAccount(t.db, { allowedSubaccountTypes: ["enterprise", "retail"] });
    const actor = await actorInAccount(t.db, account.id, "manager");
    await invite(t.db, { actor, email: "pending@example.com", now: daysAgo(1) });
    const administrator = await actorInAccount(t.db, account.id);
    await subaccountOf(t.db, administrator, {
      type: "retail",
      administrator: {
        username: "taken",
        email: "Taken@Example.com",
        firstName: "Tay",
        lastName: "Ken",
        locale: "en",
      },
    });

    // A template with billing terms, which a Manager may not set.
    await saveInvitationTemplate(
      t.db,
      administrator,
      {
        template: {
          name: "Billed to us",
          subaccountType: "retail",
          locale: "en",
          customMessage: null,
          terms: { billing: "bill_to_parent" },
        },
      },
      now,
    );
    const good = { subaccount_type: "retail", language: "en" };
    const cases: [BulkProblem, RawBulkRow["cells"]][] = [
      ["email_invalid", { ...good, email: "not-an-address" }],
      ["email_missing", { ...good, email: "" }],
      ["type_unknown", { ...good, email: "t1@example.com", subaccount_type: "managed" }],
      ["type_unknown", { ...good, email: "t2@example.com", subaccount_type: "Verwaltet" }],
      ["type_unknown", { ...good, email: "t3@example.com", subaccount_type: "" }],
      [
        "type_not_allowed",
        { ...good, email: "t4@example.com", subaccount_type: "Reseller/Partner" },
      ],
      ["language_unknown", { ...good, email: "l@example.com", language: "fr" }],
      [
        "message_too_long",
        { ...good, email: "m@example.com", custom_message: "x".repeat(CUSTOM_MESSAGE_MAX + 1) },
      ],
      ["name_too_long", { ...good, email: "n1@example.com", first_name: "x".repeat(101) }],
      ["name_too_long", { ...good, email: "n2@example.com", last_name: "x".repeat(101) }],
      ["name_too_long", { ...good, email: "n3@example.com", company: "x".repeat(201) }],
      ["duplicate_in_file", { ...good, email: "T1@EXAMPLE.COM" }],
      ["already_pending", { ...good, email: "Pending@example.com" }],
      ["already_user", { ...good, email: "taken@example.com" }],
      ["template_unknown", { ...good, email: "tu@example.com", template: "No such one" }],
      ["template_not_allowed", { ...good, email: "tn@example.com", template: "billed to US" }],
    ];
    const preview = await previewBulkInvitations(
      t.db,
      actor,
      rowsOf([{ ...good, email: "fine@example.com" }, ...cases.map(([, cells]) => cells)]),
      now,
    );
    expect(preview.rows[0]).toMatchObject({ email: "fine@example.com", problems: [] });
    expect(preview.rows.slice(1).map((r) => [r.row, r.problems])).toEqual(
      cases.map(([problem], i) => [i + 3, [problem]]),
    );
    expect(preview.rows.slice(1).every((r) => r.input === null)).toBe(true);
    // Every kind is among them.
    expect(new Set(cases.map(([p]) => p))).toEqual(new Set(BULK_PROBLEMS));
    expect(preview.counts).toEqual({
      rows: cases.length + 1,
      valid: 1,
      invalid: cases.length,
      byProblem: {
        email_invalid: 1,
        email_missing: 1,
        type_unknown: 3,
        type_not_allowed: 1,
        language_unknown: 1,
        message_too_long: 1,
        name_too_long: 3,
        duplicate_in_file: 1,
        already_pending: 1,
        already_user: 1,
        template_unknown: 1,
        template_not_allowed: 1,
      },
    });
  });

  it("lists every problem of a row, in one order", async () => {
    const actor = await makeActor(t.db);
    await invite(t.db, { actor, email: "ann@example.com", now: daysAgo(1) });
    const preview = await previewBulkInvitations(
      t.db,
      actor,
      rowsOf([
        { email: "ann@example.com", subaccount_type: "retail" },
        { email: "ann@example.com", subaccount_type: "nope", language: "xx" },
        { email: "ANN@example.com", subaccount_type: "retail" },
      ]),
      now,
    );
    expect(preview.rows.map((r) => r.problems)).toEqual([
      ["already_pending"],
      ["type_unknown", "language_unknown", "duplicate_in_file"],
      ["duplicate_in_file", "already_pending"],
    ]);
  });

  it("counts as pending only unexpired invitations of the actor's own account", async () => {
    const actor = await makeActor(t.db);
    const other = await makeActor(t.db, { accountName: "Contoso" });
    // Sent 31 days ago: expired, though the sweep has not closed it out yet.
    await invite(t.db, { actor, email: "lapsed@example.com", now: daysAgo(31) });
    await invite(t.db, { actor: other, email: "elsewhere@example.com", now: daysAgo(1) });
    await invite(t.db, { actor, email: "live@example.com", now: daysAgo(29) });
    const preview = await previewBulkInvitations(
      t.db,
      actor,
      rowsOf(
        ["lapsed@example.com", "elsewhere@example.com", "live@example.com"].map((email) => ({
          email,
          subaccount_type: "retail",
        })),
      ),
      now,
    );
    expect(preview.rows.map((r) => [r.email, r.problems])).toEqual([
      ["lapsed@example.com", []],
      ["elsewhere@example.com", []],
      ["live@example.com", ["already_pending"]],
    ]);
  });

  it("counts as users only those of the account's direct subaccounts", async () => {
    const actor = await makeActor(t.db);
    await makeUser(t.db, actor.accountId, { email: "colleague@example.com" });
    const child = await subaccountOf(t.db, actor, {
      administrator: {
        username: "child-admin",
        email: "child@example.com",
        firstName: "C",
        lastName: "Hild",
        locale: "en",
      },
    });
    const grandchild = await makeAccount(t.db, { name: "Grandchild", parentId: child.id });
    await makeUser(t.db, grandchild.id, { email: "grandchild@example.com" });
    const stranger = await makeAccount(t.db, { name: "Elsewhere" });
    await makeUser(t.db, stranger.id, { email: "stranger@example.com" });
    const emails = [
      "colleague@example.com",
      "child@example.com",
      "grandchild@example.com",
      "stranger@example.com",
    ];
    const preview = await previewBulkInvitations(
      t.db,
      actor,
      rowsOf(emails.map((email) => ({ email, subaccount_type: "retail" }))),
      now,
    );
    expect(preview.rows.map((r) => [r.email, r.problems])).toEqual([
      ["colleague@example.com", []],
      ["child@example.com", ["already_user"]],
      ["grandchild@example.com", []],
      ["stranger@example.com", []],
    ]);
  });

  it("checks JSON rows as it checks the file's", async () => {
    const actor = await makeActor(t.db);
    const file = parseBulkCsv(
      "E-Mail;Typ;Sprache\n  ann@example.com ;Retail;Englisch\nnope;Retail;en\n",
    );
    const json: RawBulkRow[] = [
      {
        row: 1,
        cells: { email: "  ann@example.com ", subaccount_type: "Retail", language: "Englisch" },
      },
      { row: 2, cells: { email: "nope", subaccount_type: "Retail", language: "en" } },
    ];
    const [fromFile, fromJson] = await Promise.all([
      previewBulkInvitations(t.db, actor, file, now),
      previewBulkInvitations(t.db, actor, json, now),
    ]);
    const strip = (p: typeof fromFile) =>
      p.rows.map(({ input, problems }) => ({ input, problems }));
    expect(strip(fromJson)).toEqual(strip(fromFile));
    expect(fromJson.counts).toEqual(fromFile.counts);
    expect(fromFile.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it("writes nothing", async () => {
    const actor = await makeActor(t.db);
    await invite(t.db, { actor, email: "pending@example.com", now: daysAgo(1) });
    const before = await written(t.db);
    expect(before.invitations).toBe(1);
    const preview = await previewBulkInvitations(
      t.db,
      actor,
      rowsOf([
        { email: "new@example.com", subaccount_type: "retail" },
        { email: "pending@example.com", subaccount_type: "retail" },
      ]),
      now,
    );
    expect(preview.counts.valid).toBe(1);
    expect(await written(t.db)).toEqual(before);
  });

  it.each(["user", "finance_manager"] as const)("refuses a %s", async (role) => {
    const owner = await makeActor(t.db);
    const actor = await actorInAccount(t.db, owner.accountId, role);
    await expect(
      previewBulkInvitations(t.db, actor, rowsOf([{ email: "a@example.com" }]), now),
    ).rejects.toThrow(new DomainError("forbidden"));
  });

  it("refuses a read-only API key", async () => {
    const actor = await makeActor(t.db);
    const withKey = {
      ...actor,
      apiKey: { id: crypto.randomUUID(), name: "ci", scope: "read" as const },
    };
    await expect(
      previewBulkInvitations(t.db, withKey, rowsOf([{ email: "a@example.com" }]), now),
    ).rejects.toThrow(new DomainError("forbidden"));
  });

  it(`checks ${BULK_MAX_ROWS} rows of a file, and says nothing on the console`, async () => {
    const actor = await makeActor(t.db);
    for (let i = 0; i < 5; i++)
      await invite(t.db, { actor, email: `customer${i * 1000}@example.com`, now: daysAgo(1) });
    const lines = ["email;subaccount_type;language;custom_message"];
    for (let i = 0; i < BULK_MAX_ROWS; i++)
      lines.push(
        `customer${i}@example.com;${i % 2 ? "Retail" : "enterprise"};${i % 3 ? "de" : ""};"Hallo,\nwillkommen"`,
      );
    const log = vi.spyOn(console, "log");
    const warn = vi.spyOn(console, "warn");
    const error = vi.spyOn(console, "error");
    const rows = parseBulkCsv(new TextEncoder().encode(lines.join("\r\n")));
    const preview = await previewBulkInvitations(t.db, actor, rows, now);
    expect(preview.counts).toEqual({
      rows: BULK_MAX_ROWS,
      valid: BULK_MAX_ROWS - 5,
      invalid: 5,
      byProblem: { already_pending: 5 },
    });
    // Each row spans two lines.
    expect(preview.rows.at(-1)!.row).toBe(2 * BULK_MAX_ROWS);
    expect([log, warn, error].map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
  }, 60_000);
});

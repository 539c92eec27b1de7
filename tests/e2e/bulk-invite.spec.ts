import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { adminState, germanAdminState } from "./support/accounts";

/**
 * A file of 50 rows as a CRM exports it: 44 to send, and 6 each wrong in its
 * own way. Each good row's message spans two lines, so a row is numbered by the
 * line it begins on (`line`), where a text editor finds it.
 */
function customerFile(tag: string) {
  const lines = ["email,subaccount_type,language,custom_message,first_name,last_name,company"];
  const line: Record<number, number> = {};
  const bad: Record<number, string> = {
    7: `not-an-address,retail,en,,,,`,
    13: `${tag}.13@example.com,spaceship,en,,,,`,
    21: `${tag}.21@example.com,retail,klingon,,,,`,
    // The same address as the file's first row, in other capitals.
    30: `${tag.toUpperCase()}.1@EXAMPLE.COM,retail,en,,,,`,
    38: `${tag}.38@example.com,enterprise,de,"${"x".repeat(1001)}",,,`,
    45: `,retail,en,,Ann,Onymous,`,
  };
  let next = 2;
  for (let i = 1; i <= 50; i++) {
    const record =
      bad[i] ??
      `${tag}.${i}@example.com,${i % 2 ? "retail" : "Enterprise"},${i % 3 ? "en" : "Deutsch"},"Welcome, customer ${i}!\r\nWe look forward to working with you.",Kim,Lee ${i},Customer ${i} GmbH`;
    lines.push(record);
    line[i] = next;
    next += record.split("\r\n").length;
  }
  return { buffer: Buffer.from(lines.join("\r\n"), "utf8"), line };
}

test.describe("in English", () => {
  test.use({ storageState: adminState });

  test("a manager uploads 50 rows, sees the problems before anything is sent, sends the valid rows, downloads the result, and chases them many at a time", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const tag = `bulk${Date.now()}`;
    const file = customerFile(tag);
    await page.goto("/subaccounts/invitations");
    await page.getByRole("link", { name: "Invite in bulk" }).click();
    await expect(page.getByRole("heading", { name: "Invite in bulk", level: 1 })).toBeVisible();

    // The template is there to start from.
    const template = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the template" }).click();
    const templateText = readFileSync((await (await template).path())!, "utf8");
    expect(templateText.split("\r\n")[0]).toBe(
      "\uFEFFemail,subaccount_type,language,custom_message,first_name,last_name,company,template",
    );

    // Checking writes nothing: the list has none of the file's addresses yet.
    await page.getByLabel("CSV file").setInputFiles({
      name: "customers.csv",
      mimeType: "text/csv",
      buffer: file.buffer,
    });
    await page.getByRole("button", { name: "Check file" }).click();
    const preview = page.getByRole("region", { name: "customers.csv: 50 rows checked" });
    await expect(preview).toBeVisible();
    await expect(preview.getByRole("heading", { level: 2 })).toBeFocused();
    await expect(preview.getByRole("definition").first()).toHaveText("44");
    await expect(preview.getByRole("definition").nth(1)).toHaveText("6");
    const problems = preview.getByRole("table");
    for (const [i, email, problem] of [
      [7, "not-an-address", "Not a valid email address"],
      [13, `${tag}.13@example.com`, "Unknown subaccount type"],
      [21, `${tag}.21@example.com`, "Unknown language (English or German)"],
      [30, `${tag.toUpperCase()}.1@EXAMPLE.COM`, "Same address as an earlier row"],
      [38, `${tag}.38@example.com`, "Custom message too long"],
      [45, "—", "No email address"],
    ] as const)
      await expect(
        problems.getByRole("row", { name: `${file.line[i]} ${email} ${problem}`, exact: true }),
      ).toBeVisible();
    await page.goto(`/subaccounts/invitations?q=${tag}`);
    await expect(page.getByText("No invitations match")).toBeVisible();
    await page.goBack();

    // Sending goes through the same file again.
    await page.getByLabel("CSV file").setInputFiles({
      name: "customers.csv",
      mimeType: "text/csv",
      buffer: file.buffer,
    });
    await page.getByRole("button", { name: "Check file" }).click();
    await page.getByRole("button", { name: "Send 44 invitations" }).click();
    await expect(page.getByRole("heading", { name: "Bulk invitation", level: 1 })).toBeVisible();
    // The page follows the batch without a reload.
    await expect(page.getByRole("status")).toContainText("Finished", { timeout: 30_000 });
    await expect(page.getByRole("status")).toContainText("50 of 50 rows done");
    await expect(page.getByRole("progressbar", { name: "Progress" })).toHaveAttribute(
      "value",
      "50",
    );

    const result = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the result (CSV)" }).click();
    const lines = readFileSync((await (await result).path())!, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe("row,email,outcome,outcome_text,invitation_id");
    expect(lines[1]).toMatch(
      new RegExp(`^2,${tag}\\.1@example\\.com,invited,Invited,[0-9a-f-]{36}$`),
    );
    expect(lines[7]).toBe(
      `${file.line[7]},not-an-address,email_invalid,Not a valid email address,`,
    );
    expect(lines.filter((l) => l.includes(",invited,Invited,"))).toHaveLength(44);

    // The invitations are in the list, each with its own message and language.
    await page.goto(`/subaccounts/invitations?q=${tag}`);
    await expect(page.getByText("Showing 1–25")).toBeVisible();
    await expect(page.getByRole("row")).toHaveCount(26);

    // Chasing them: two chosen by hand are canceled after a confirmation...
    const selection = page.getByRole("group", { name: "Actions on the selected invitations" });
    const boxes = page.getByRole("checkbox", { name: new RegExp(`^Select ${tag}\\.`) });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expect(selection.getByText("2 selected")).toBeVisible();
    await selection.getByRole("button", { name: "Cancel", exact: true }).click();
    const confirmCancel = selection.getByRole("group", { name: "Cancel" });
    await expect(confirmCancel).toContainText("2 of the 2 selected will be changed.");
    await expect(
      confirmCancel.getByRole("button", { name: "Keep them as they are" }),
    ).toBeFocused();
    await confirmCancel.getByRole("button", { name: "Yes, cancel 2 invitations" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "2 invitations canceled." }),
    ).toBeVisible();
    await expect(selection.getByText("None selected")).toBeVisible();

    // ...then all 44 matching the search are resent, the two canceled ones skipped.
    await selection.getByLabel("Select all on this page").check();
    await expect(selection.getByText("25 selected")).toBeVisible();
    await selection.getByRole("button", { name: "Select all matching this filter" }).click();
    await expect(
      selection.getByText("All invitations matching this filter are selected."),
    ).toBeVisible();
    await selection.getByRole("button", { name: "Resend", exact: true }).click();
    const confirmResend = selection.getByRole("group", { name: "Resend" });
    await expect(confirmResend).toContainText("42 of the 44 selected will be changed.");
    await expect(confirmResend).toContainText("Skipped: 2 canceled");
    await confirmResend.getByRole("button", { name: "Yes, resend 42 invitations" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "42 invitations resent." }),
    ).toBeVisible();
  });
});

test.describe("auf Deutsch", () => {
  test.use({ storageState: germanAdminState });

  test("eine Datei mit deutschen Spaltennamen und Semikolons wird geprüft", async ({ page }) => {
    const tag = `masse${Date.now()}`;
    await page.goto("/subaccounts/invitations/bulk");
    await expect(page.getByRole("heading", { name: "Massen-Einladung", level: 1 })).toBeVisible();
    await page.getByLabel("CSV-Datei").setInputFiles({
      name: "kunden.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        `\uFEFFE-Mail;Unterkontotyp;Sprache\r\n${tag}.1@example.com;Enterprise;Deutsch\r\nkeine-adresse;Retail;de\r\n`,
        "utf8",
      ),
    });
    await page.getByRole("button", { name: "Datei prüfen" }).click();
    const preview = page.getByRole("region", { name: "kunden.csv: 2 Zeilen geprüft" });
    await expect(preview.getByRole("definition").first()).toHaveText("1");
    await expect(preview.getByRole("row", { name: "3 keine-adresse" })).toBeVisible();
    await expect(preview.getByRole("button", { name: "1 Einladung senden" })).toBeVisible();
  });
});

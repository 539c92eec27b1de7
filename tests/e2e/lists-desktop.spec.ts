import { expect, test } from "@playwright/test";
import { administratorIn } from "./support/accounts";
import { sendInvitation } from "./support/invite";
import { LANGS, messages } from "./support/messages";

// The address from the report: 29 characters before the "@", a hyphen after it.
const LONG = "pending.one.with.a.long.name@example-company.com";
const INVITATIONS = [
  { email: LONG },
  { email: "ana@example-company.com", type: "Reseller/Partner" },
  { email: "b.berg@example-company.com" },
  { email: "chris.o@example-company.com", type: "Retail" },
];
const DESKTOP_WIDTHS = [1280, 1024];

test("on a desktop, Manage invitations shows an address whole or wrapped after its @, a date on one line and its time on the next, and no column narrower than its longest word", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const manager = await browser.newContext({ storageState: administratorIn("en").state });
  const page = await manager.newPage();
  for (const { email, type } of INVITATIONS) {
    // A retry finds the first attempt's invitations: one may be pending per address.
    await page.goto(`/subaccounts/invitations?q=${encodeURIComponent(email)}`);
    if ((await page.getByRole("row").filter({ hasText: email }).count()) === 0)
      await sendInvitation(page, email, { type });
  }
  await manager.close();

  for (const lang of LANGS) {
    const m = messages(lang);
    for (const width of DESKTOP_WIDTHS) {
      await test.step(`${lang} at ${width} px`, async () => {
        const context = await browser.newContext({
          storageState: administratorIn(lang).state,
          viewport: { width, height: 800 },
        });
        const reader = await context.newPage();
        await reader.goto("/subaccounts/invitations?q=example-company.com");
        const table = reader.getByRole("table", { name: m("invitations.caption") });
        await expect(table.getByRole("row").filter({ hasText: LONG })).toHaveCount(1);
        await reader.evaluate(async () => {
          await document.fonts.ready;
        });

        const headings = (await table.getByRole("columnheader").allTextContents()).map((text) =>
          text.replace(/[↑↓↕]/g, "").trim(),
        );
        const column = (key: string) => {
          const index = headings.indexOf(m(key));
          expect(index, `the column ${m(key)} among ${headings.join(", ")}`).toBeGreaterThan(-1);
          return index;
        };
        const problems = await table.evaluate(drawnProblems, {
          address: LONG,
          email: column("invitations.email"),
          dates: [column("invitations.sentAt"), column("invitations.expires")],
        });
        expect(problems).toEqual([]);
        // A table wider than the screen scrolls in its own region, never the page.
        expect(
          await reader.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        ).toBe(true);
        await context.close();
      });
    }
  }
});

/**
 * What the browser drew in each header and cell of `table` (run in the page):
 * every visible character is put on the line its glyph's box sits on. A word is
 * a run of characters without a space, ended after an "@" too, where an address
 * may wrap. Returns what is wrong, in words.
 */
function drawnProblems(
  table: Element,
  { address, email, dates }: { address: string; email: number; dates: number[] },
): string[] {
  type Line = { top: number; bottom: number; left: number; right: number; words: string[] };
  const problems: string[] = [];
  const range = document.createRange();
  const headings = [...table.querySelectorAll("thead th")].map(
    (th) => th.textContent?.replace(/[↑↓↕]/g, "").trim() ?? "",
  );
  // Text a screen reader gets but the eye does not (sr-only: a 1px clipped box).
  const unseen = (element: Element | null, cell: Element) => {
    for (let e = element; e && e !== cell.parentElement; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.visibility !== "visible" || style.clipPath !== "none") return true;
      if (style.clip && style.clip !== "auto") return true;
    }
    return false;
  };
  let addressSeen = false;

  for (const row of table.querySelectorAll("tr")) {
    const inBody = row.parentElement?.tagName === "TBODY";
    [...row.cells].forEach((cell, index) => {
      const name = `${inBody ? "cell" : "header"} ${headings[index] || index + 1}`;
      const lines: Line[] = [];
      const words: { text: string; lines: Set<number> }[] = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node as Text;
        if (unseen(text.parentElement, cell)) continue;
        let word: (typeof words)[number] | undefined;
        for (let i = 0; i < text.data.length; i++) {
          const char = text.data.charAt(i);
          if (/\s/.test(char)) {
            word = undefined;
            continue;
          }
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          const box = range.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) continue;
          const middle = (box.top + box.bottom) / 2;
          let at = lines.findIndex((l) => middle >= l.top && middle <= l.bottom);
          if (at < 0) {
            const { top, bottom, left, right } = box;
            at = lines.push({ top, bottom, left, right, words: [] }) - 1;
          }
          const line = lines[at]!;
          line.left = Math.min(line.left, box.left);
          line.right = Math.max(line.right, box.right);
          if (!word) {
            word = { text: "", lines: new Set() };
            words.push(word);
          }
          if (!word.lines.has(at)) {
            word.lines.add(at);
            line.words.push("");
          }
          line.words[line.words.length - 1] += char;
          word.text += char;
          if (char === "@") word = undefined;
        }
      }
      lines.sort((a, b) => a.top - b.top);
      const drawn = lines.map((l) => l.words.join(" "));
      const where = `${name} (${JSON.stringify(drawn)})`;

      // No column narrower than its longest word: none is broken over lines, none sticks out.
      for (const w of words)
        if (w.lines.size > 1) problems.push(`${where}: "${w.text}" is broken over lines`);
      const edges = cell.getBoundingClientRect();
      for (const l of lines)
        if (l.left < edges.left - 1 || l.right > edges.right + 1)
          problems.push(`${where}: "${l.words.join(" ")}" is wider than its cell`);
      if (!inBody) return;

      if (index === email && cell.textContent === address) {
        addressSeen = true;
        // Whole on one line, or two: the part up to the "@", then the domain.
        const at = address.indexOf("@") + 1;
        const parts = lines.map((l) => l.words.join(""));
        const whole =
          parts.length === 1
            ? parts[0] === address
            : parts.length === 2 &&
              parts[0] === address.slice(0, at) &&
              parts[1] === address.slice(at);
        if (!whole) problems.push(`${where}: the address is not whole nor wrapped after its @`);
      }
      // A date on a line of its own (its day and year together), its time whole on the next.
      if (dates.includes(index) && /\d/.test(cell.textContent ?? "")) {
        if (lines.length > 2) problems.push(`${where}: a date and time over ${lines.length} lines`);
        if (!drawn.some((l) => /\d{1,2}\D+\d{4}/.test(l)))
          problems.push(`${where}: the date's day and year are on different lines`);
        if (!drawn.some((l) => /\d{1,2}:\d{2}/.test(l)))
          problems.push(`${where}: no line holds the time`);
      }
    });
  }
  if (!addressSeen) problems.push(`no cell of the email column holds ${address}`);
  return problems;
}

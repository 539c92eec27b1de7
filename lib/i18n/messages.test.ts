import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(value: unknown, prefix = ""): Record<string, string[]> {
  if (typeof value === "string")
    // An argument: `{name}` or `{name, select, …}`; not the text of a select's branch.
    return { [prefix]: [...value.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]!).sort() };
  return Object.assign(
    {},
    ...Object.entries(value as object).map(([k, v]) =>
      placeholders(v, prefix ? `${prefix}.${k}` : k),
    ),
  ) as Record<string, string[]>;
}

describe("translations", () => {
  it("have the same keys in English and German", () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
  });
  it("use the same placeholders in both languages", () => {
    expect(placeholders(de)).toEqual(placeholders(en));
  });
  it("leave no German string empty", () => {
    expect(
      keys(de).filter(
        (k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], de) === "",
      ),
    ).toEqual([]);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [file] : [];
  });
}

const TRANSLATOR = /(?:useTranslations|getTranslations)\((?:"([\w.]*)")?\)/;

type Translator = { name: string; namespace: string; at: number };

/**
 * Each translator variable of a file, the namespace it was made for ("" for the
 * root) and where: a name may be bound anew in each component of a file.
 */
function translators(source: string): Translator[] {
  const found: Translator[] = [];
  for (const m of source.matchAll(
    /const (\w+) = (?:await )?(?:useTranslations|getTranslations)\((?:"([\w.]*)")?\)/g,
  ))
    found.push({ name: m[1]!, namespace: m[2] ?? "", at: m.index });
  // const [t, tX, format] = await Promise.all([getTranslations("a"), getTranslations("b"), …])
  for (const m of source.matchAll(/const \[([^\]]+)\] = await Promise\.all\(\[([\s\S]*?)\]\);/g)) {
    const names = m[1]!.split(",").map((n) => n.trim());
    const calls = m[2]!.split(/,\s*\n/).map((c) => c.trim());
    names.forEach((name, i) => {
      const call = TRANSLATOR.exec(calls[i] ?? "");
      if (call && /^\w+$/.test(name)) found.push({ name, namespace: call[1] ?? "", at: m.index });
    });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The namespace of the translator a call at `at` uses: the nearest binding before it. */
function namespaceAt(bindings: Translator[], name: string, at: number): string | undefined {
  return bindings.filter((b) => b.name === name && b.at < at).at(-1)?.namespace;
}

function resolves(key: string, asPrefix: boolean): boolean {
  let node: unknown = en;
  for (const part of key.split(".").filter(Boolean)) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return asPrefix ? typeof node === "object" : typeof node === "string";
}

describe("translation keys used in the code", () => {
  it("all exist: a key that moved or was renamed shows as a raw key to the person", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of [...sources("app"), ...sources("emails")]) {
      const source = readFileSync(path.join(ROOT, file), "utf8");
      const bindings = translators(source);
      for (const name of new Set(bindings.map((b) => b.name))) {
        const prefix = (at: number) => {
          const namespace = namespaceAt(bindings, name, at);
          return namespace ? `${namespace}.` : "";
        };
        for (const m of source.matchAll(new RegExp(`\\b${name}\\(\\s*"([\\w.]+)"`, "g"))) {
          checked++;
          const key = prefix(m.index) + m[1];
          if (!resolves(key, false)) missing.push(`${file}: ${key}`);
        }
        // A key built from a value: its fixed part must be a group of messages.
        for (const m of source.matchAll(new RegExp(`\\b${name}\\(\\s*\`([\\w.]+)\\.\\$\\{`, "g"))) {
          checked++;
          const key = prefix(m.index) + m[1];
          if (!resolves(key, true)) missing.push(`${file}: ${key}.*`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });
});

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const projectRoot = path.join(import.meta.dirname, "..", "..");
const namespaces = Object.keys(
  JSON.parse(readFileSync(path.join(projectRoot, "messages", "en.json"), "utf8")) as object,
);

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(projectRoot, spec.slice(2))
    : spec.startsWith(".")
      ? path.join(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.ts")])
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  return null;
}

/** Message namespaces a source text names: `useTranslations("ns")`, keys "ns.key" / `ns.${…}`. */
export function namespacesIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/useTranslations\(\s*"([a-zA-Z]+)"/g)) found.add(m[1]!);
  for (const m of text.matchAll(/["`]([a-zA-Z]+)\.[a-zA-Z_$]/g))
    if (namespaces.includes(m[1]!)) found.add(m[1]!);
  return [...found];
}

/**
 * The client components a file renders (following imports within app/) and the
 * message namespaces they translate. A server action's answer needs none: it
 * comes in words (withTexts).
 */
export function clientNamespacesOf(entry: string): {
  files: string[];
  translates: boolean;
  namespaces: string[];
} {
  const seen = new Set<string>();
  const clientFiles: string[] = [];
  const used = new Set<string>();
  let translates = false;
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    if (/^["']use client["']/m.test(text)) {
      clientFiles.push(path.relative(projectRoot, file));
      for (const ns of namespacesIn(text)) used.add(ns);
      translates ||= text.includes("useTranslations");
    }
    for (const m of text.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']/g)) {
      const target = resolve(file, m[1]!);
      if (target && target.startsWith(path.join(projectRoot, "app"))) visit(target);
    }
  };
  visit(entry);
  return { files: clientFiles, translates, namespaces: [...used].sort() };
}

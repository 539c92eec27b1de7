import type { AnyEndpoint } from "../endpoint";
import { ENDPOINTS } from "./document";

/**
 * The endpoint a method and path under /api/v1 name, with the path's
 * parameters: what Next.js's file routes do, for a test or a bench that calls
 * the handlers without a server.
 */
export function matchEndpoint(
  method: string,
  path: string,
  endpoints: readonly AnyEndpoint[] = ENDPOINTS,
): { spec: AnyEndpoint; params: Record<string, string> } | null {
  for (const spec of endpoints) {
    if (spec.method !== method.toLowerCase()) continue;
    const names: string[] = [];
    const pattern = new RegExp(
      "^" +
        spec.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
          names.push(name);
          return "([^/]+)";
        }) +
        "$",
    );
    const match = pattern.exec(path);
    if (match)
      return {
        spec,
        params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)])),
      };
  }
  return null;
}

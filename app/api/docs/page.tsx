import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { apiDocument } from "@/lib/api/v1/document";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiDocs"))("title") };
}

type Schema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
};
type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
};
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function refName(schema: Schema | undefined): string | null {
  return schema?.$ref?.split("/").pop() ?? null;
}

/** A schema's type as a reader says it: "string", "Invitation[]", "pending | accepted". */
function typeOf(schema: Schema | undefined): string {
  if (!schema) return "";
  const ref = refName(schema);
  if (ref) return ref;
  if (schema.enum) return schema.enum.map(String).join(" | ");
  if (schema.anyOf ?? schema.oneOf) return (schema.anyOf ?? schema.oneOf)!.map(typeOf).join(" | ");
  if (schema.type === "array") return `${typeOf(schema.items)}[]`;
  return Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "object");
}

/**
 * The API reference, rendered on the server from the OpenAPI document the API
 * is checked against: no script, no asset from elsewhere, readable under the
 * app's Content-Security-Policy and without JavaScript.
 */
export default async function ApiDocsPage() {
  const t = await getTranslations("apiDocs");
  const doc = apiDocument(env().APP_URL) as unknown as {
    info: { description: string };
    servers: { url: string }[];
    paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
    components: { schemas: Record<string, Schema> };
  };
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ path, method, op: item[method] }] : [])),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags?.[0] ?? ""))];
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-8 p-4 md:p-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-slate-700">{doc.info.description}</p>
        <p className="text-sm">
          {t("base")} <code className="font-mono">{doc.servers[0]?.url}</code> ·{" "}
          <a href="/api/v1/openapi.json" className="text-brand-700 underline">
            {t("document")}
          </a>
        </p>
      </header>
      <nav aria-label={t("contents")}>
        <ul className="flex flex-col gap-1 text-sm">
          {operations.map(({ path, method, op }) => (
            <li key={op.operationId}>
              <a href={`#${op.operationId}`} className="text-brand-700 underline">
                <span className="font-mono uppercase">{method}</span> {path}
              </a>{" "}
              — {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="flex flex-col gap-6">
          <h2 id={`tag-${tag}`} className="text-xl font-semibold">
            {tag}
          </h2>
          {operations
            .filter((o) => (o.op.tags?.[0] ?? "") === tag)
            .map(({ path, method, op }) => (
              <article
                key={op.operationId}
                id={op.operationId}
                aria-labelledby={`${op.operationId}-title`}
                className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
              >
                <h3 id={`${op.operationId}-title`} className="font-semibold">
                  <span className="font-mono uppercase">{method}</span>{" "}
                  <span className="font-mono [overflow-wrap:anywhere]">{path}</span>
                  <span className="block text-sm font-normal text-slate-700">{op.summary}</span>
                </h3>
                {op.description ? <p className="text-sm text-slate-700">{op.description}</p> : null}
                {op.parameters?.length ? (
                  <div
                    // Scrolls sideways on a phone: reachable with the keyboard, named.
                    tabIndex={0}
                    role="region"
                    aria-label={`${t("parameters")}: ${op.summary}`}
                    className="overflow-x-auto"
                  >
                    <table className="w-full text-left text-sm">
                      <caption className="mb-1 text-left font-medium">{t("parameters")}</caption>
                      <thead>
                        <tr className="border-b border-slate-200">
                          {[t("name"), t("in"), t("type"), t("description")].map((heading) => (
                            <th key={heading} scope="col" className="py-1 pr-3 last:pr-0">
                              {heading}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {op.parameters.map((p) => (
                          <tr
                            key={`${p.in}-${p.name}`}
                            className="border-b border-slate-100 align-top"
                          >
                            <td className="py-1 pr-3 font-mono">
                              {p.name}
                              {p.required ? ` (${t("required")})` : ""}
                            </td>
                            <td className="py-1 pr-3">{p.in}</td>
                            <td className="py-1 pr-3 font-mono">{typeOf(p.schema)}</td>
                            <td className="py-1">{p.description ?? p.schema?.description ?? ""}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
                {op.requestBody ? (
                  <p className="text-sm">
                    {t("body")}{" "}
                    <SchemaLink schema={op.requestBody.content["application/json"]?.schema} />
                  </p>
                ) : null}
                <div className="text-sm">
                  <p className="font-medium">{t("responses")}</p>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                    {Object.entries(op.responses).map(([status, r]) => (
                      <div key={status} className="contents">
                        <dt className="font-mono">{status}</dt>
                        <dd>
                          {r.description}{" "}
                          <SchemaLink schema={Object.values(r.content ?? {})[0]?.schema} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                </div>
              </article>
            ))}
        </section>
      ))}
      <section aria-labelledby="schemas" className="flex flex-col gap-4">
        <h2 id="schemas" className="text-xl font-semibold">
          {t("schemas")}
        </h2>
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <article
            key={name}
            id={`schema-${name}`}
            aria-labelledby={`schema-${name}-title`}
            className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
          >
            <h3 id={`schema-${name}-title`} className="font-mono font-semibold">
              {name}
            </h3>
            {schema.description ? (
              <p className="text-sm text-slate-700">{schema.description}</p>
            ) : null}
            {schema.properties ? (
              <ul className="flex flex-col gap-1 text-sm">
                {Object.entries(schema.properties).map(([prop, s]) => (
                  <li key={prop}>
                    <code className="font-mono">{prop}</code>{" "}
                    <span className="font-mono text-slate-600">{typeOf(s)}</span>
                    {schema.required?.includes(prop) ? ` (${t("required")})` : ""}
                    {s.description ? ` — ${s.description}` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
            {schema.example !== undefined ? (
              <pre
                aria-label={t("example", { name })}
                tabIndex={0}
                className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-50"
              >
                {JSON.stringify(schema.example, null, 2)}
              </pre>
            ) : null}
          </article>
        ))}
      </section>
    </main>
  );
}

function SchemaLink({ schema }: { schema: Schema | undefined }) {
  const name = refName(schema);
  if (name)
    return (
      <a href={`#schema-${name}`} className="text-brand-700 font-mono underline">
        {name}
      </a>
    );
  return schema ? <span className="font-mono">{typeOf(schema)}</span> : null;
}

import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { openApiDocument } from "@/lib/api/openapi";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { requireArea } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("apiDocs.title") };
}

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
};
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Schema };
type OperationDoc = {
  operationId: string;
  summary: string;
  description?: string;
  "x-scope": ApiScope;
  parameters: Parameter[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
};

/** A schema in a few words: type, format, allowed values, range. */
function typeOf(s: Schema): string {
  if (s.enum) return s.enum.join(" | ");
  if (s.anyOf) return s.anyOf.map(typeOf).join(" | ");
  const type = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  const range = s.minimum !== undefined || s.maximum !== undefined ? ` ${s.minimum ?? ""}–${s.maximum ?? ""}` : "";
  return `${type}${s.format ? ` (${s.format})` : ""}${range}`;
}

/** Text with `identifiers` in backticks, shown as code. */
function withCode(text: string) {
  return text.split("`").map((part, i) => (i % 2 ? <code key={part}>{part}</code> : part));
}

function Fields({
  rows,
  t,
}: {
  rows: { name: string; where?: string; required: boolean; schema: Schema; description?: string }[];
  t: (k: "apiDocs.required") => string;
}) {
  return (
    <ul className="space-y-1 text-sm">
      {rows.map((r) => (
        <li key={`${r.where}-${r.name}`}>
          <code className="font-semibold">{r.name}</code>
          {r.where && <span className="text-zinc-500"> · {r.where}</span>} <code className="text-xs text-zinc-700">{typeOf(r.schema)}</code>
          {r.required && <span className="ml-1 text-xs text-red-700">{t("apiDocs.required")}</span>}
          {(r.description ?? r.schema.description) && <div className="text-xs text-zinc-500">{withCode(r.description ?? r.schema.description ?? "")}</div>}
        </li>
      ))}
    </ul>
  );
}

export default async function ApiDocsPage() {
  await requireArea("settings");
  const { t } = await getT();
  const doc = openApiDocument(env().APP_URL);
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, OperationDoc>).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return (
    <>
      <Link href="/admin/settings/api-keys" className="text-sm text-brand-800 hover:underline">
        ← {t("apiKeys.title")}
      </Link>
      <PageHeader title={t("apiDocs.title")} description={t("apiDocs.intro", { link: "/api/v1/openapi.json" })} />
      <p className="mb-4 max-w-3xl text-sm text-zinc-600">{t("apiDocs.errors")}</p>
      <p className="mb-4 text-sm">
        <code className="rounded bg-zinc-100 px-2 py-1">{doc.servers[0].url}</code>
      </p>
      <div className="space-y-4">
        {operations.map(({ path, method, op }) => {
          const body = op.requestBody?.content["application/json"].schema;
          return (
            <Card key={op.operationId} data-testid="api-operation">
              <CardBody className="space-y-3">
                <h2 className="flex flex-wrap items-center gap-2 font-mono text-sm">
                  <Badge tone={method === "GET" ? "info" : method === "DELETE" ? "danger" : "success"}>{method}</Badge>
                  <span className="font-semibold">{path}</span>
                </h2>
                <p className="text-sm">{op.summary}</p>
                {op.description && <p className="text-sm text-zinc-600">{withCode(op.description)}</p>}
                <p className="text-xs text-zinc-600">
                  {t("apiDocs.scope")}: <code>{op["x-scope"]}</code> ({t(`apiKeys.scope.${op["x-scope"]}`)})
                </p>
                {op.parameters.length > 0 && (
                  <section>
                    <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{t("apiDocs.parameters")}</h3>
                    <Fields
                      t={t}
                      rows={op.parameters.map((p) => ({ name: p.name, where: p.in, required: p.required, schema: p.schema, description: p.description }))}
                    />
                  </section>
                )}
                {body?.properties && (
                  <section>
                    <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{t("apiDocs.body")}</h3>
                    <Fields
                      t={t}
                      rows={Object.entries(body.properties).map(([name, schema]) => ({ name, required: (body.required ?? []).includes(name), schema }))}
                    />
                  </section>
                )}
              </CardBody>
            </Card>
          );
        })}
      </div>
    </>
  );
}

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.ts';

/** The OpenAPI 3.1 document generated from the route schemas (served and committed). */
export function buildOpenApiDocument(app: OpenAPIHono<AppEnv>, version: string) {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'OpenC2B API',
      version,
      description:
        'Build-to-order vehicle platform. Errors are RFC 9457 application/problem+json with a stable `code` and the `requestId`.',
    },
  });
}

type Operation = { method: string; path: string; summary?: string; tags?: string[]; operationId?: string };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

/**
 * The API reference page at /docs. A self-contained page listing the operations: the Scalar
 * package only renders with a script from a CDN, which this page must not depend on.
 */
export function renderApiReference(doc: {
  info: { title: string; version: string };
  paths?: object;
}): string {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = (
        item as Record<string, { summary?: string; tags?: string[]; operationId?: string } | undefined>
      )[method];
      if (op) ops.push({ method, path, ...op });
    }
  }
  const groups = new Map<string, Operation[]>();
  for (const op of ops) {
    const group = op.tags?.[0] ?? `/${op.path.split('/')[1] ?? ''}`;
    groups.set(group, [...(groups.get(group) ?? []), op]);
  }
  const sections = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([group, list]) =>
        `<section><h2>${escapeHtml(group)}</h2><table>${list
          .map(
            (op) =>
              `<tr><td class="m ${op.method}">${op.method.toUpperCase()}</td><td><code>${escapeHtml(op.path)}</code></td><td>${escapeHtml(op.summary ?? '')}</td></tr>`,
          )
          .join('')}</table></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td{padding:.3rem .6rem;border-bottom:1px solid #eee;vertical-align:top}
td.m{font-weight:600;width:5rem}.get{color:#1a7f37}.post{color:#0969da}.put,.patch{color:#9a6700}.delete{color:#cf222e}
code{font-size:14px}
</style></head><body>
<h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
<p>${ops.length} operations. The machine-readable document is <a href="/openapi.json">/openapi.json</a>.
The events the platform publishes (NATS and webhooks) are on <a href="/docs/events">/docs/events</a>.
Errors are <code>application/problem+json</code> (RFC 9457) with a stable <code>code</code> and the <code>requestId</code>.</p>
${sections}
</body></html>
`;
}

import type { AsyncApiDocument } from '../platform/events/asyncapi.ts';

/**
 * The event catalogue page at /docs/events, rendered from the AsyncAPI document (self-contained
 * like /docs: no script, no CDN). The document's description is a small, known subset of
 * Markdown (headings, paragraphs, `- ` lists, `code`), rendered here.
 */
const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

const inline = (s: string) => escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>');

export function renderMarkdownSubset(text: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    if (list.length > 0) out.push(`<ul>${list.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`);
    paragraph = [];
    list = [];
  };
  for (const line of text.split('\n')) {
    const heading = /^(#{2,3}) (.*)$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1]?.length ?? 2;
      out.push(`<h${level}>${inline(heading[2] ?? '')}</h${level}>`);
    } else if (line.startsWith('- ')) {
      if (paragraph.length > 0) flush();
      list.push(line.slice(2));
    } else if (line.startsWith('  ') && list.length > 0) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else if (line.trim() === '') {
      flush();
    } else {
      if (list.length > 0) flush();
      paragraph.push(line);
    }
  }
  flush();
  return out.join('\n');
}

type Schema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
};

function typeOf(s: Schema): string {
  if (s.$ref) return s.$ref.split('/').at(-1) ?? 'object';
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.anyOf ?? s.oneOf) return (s.anyOf ?? s.oneOf ?? []).map(typeOf).join(' | ');
  if (s.type === 'array') return `${s.items ? typeOf(s.items) : 'unknown'}[]`;
  const t = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
  return s.format ? `${t} (${s.format})` : t;
}

function fieldTable(schema: Schema): string {
  const rows = Object.entries(schema.properties ?? {}).map(
    ([name, s]) =>
      `<tr><td><code>${escapeHtml(name)}</code>${schema.required?.includes(name) ? '' : ' <small>optional</small>'}</td><td><code>${escapeHtml(typeOf(s))}</code></td><td>${inline(s.description ?? '')}</td></tr>`,
  );
  return `<table><tr><th>field</th><th>type</th><th></th></tr>${rows.join('')}</table>`;
}

const VERIFY_SAMPLE = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body exactly as received (a string or Buffer), before JSON.parse.
export function verify(secret, headers, rawBody, toleranceSeconds = 300) {
  const timestamp = headers['openc2b-timestamp'];
  const given = headers['openc2b-signature'] ?? '';
  const expected = 'v1=' + createHmac('sha256', secret).update(\`\${timestamp}.\${rawBody}\`).digest('hex');
  const ok = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= toleranceSeconds;
  return ok && fresh; // then de-duplicate on headers['openc2b-event-id']
}`;

export function renderEventReference(doc: AsyncApiDocument): string {
  const schemas = doc.components.schemas as Record<string, Schema>;
  const channels = Object.entries(doc.channels) as [string, { address: string; description: string }][];
  const anyMessage = Object.keys(doc.components.messages)[0] ?? '';
  const envelope = schemas[anyMessage] ?? {};
  const headers = schemas['NatsHeaders'] ?? {};
  const events = channels
    .map(([type, ch]) => {
      const [id] = Object.keys((doc.channels as Record<string, { messages: object }>)[type]?.messages ?? {});
      const payload = schemas[`${id}.payload`] ?? {};
      const version = (schemas[id ?? '']?.properties?.['version']?.const as number | undefined) ?? 1;
      return `<section id="${escapeHtml(type)}"><h3><code>${escapeHtml(type)}</code> <small>v${version}</small></h3>
<p>${inline(ch.description)}</p>
<p>Subject <code>${escapeHtml(ch.address)}</code></p>
${fieldTable(payload)}
<details><summary>JSON Schema of the payload</summary><pre>${escapeHtml(JSON.stringify(payload, null, 2))}</pre></details></section>`;
    })
    .join('\n');
  const index = channels
    .map(
      ([type, ch]) =>
        `<tr><td><a href="#${escapeHtml(type)}"><code>${escapeHtml(type)}</code></a></td><td><code>${escapeHtml(ch.address)}</code></td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{padding:.3rem .6rem;border-bottom:1px solid #eee;vertical-align:top;text-align:left}
code{font-size:14px}pre{background:#f6f8fa;padding:.8rem;overflow:auto;font-size:13px}section{margin:1.5rem 0}
</style></head><body>
<h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
<p>${channels.length} event types. Machine-readable: <a href="/asyncapi.json">/asyncapi.json</a> (AsyncAPI ${escapeHtml(doc.asyncapi)}). The HTTP API is at <a href="/docs">/docs</a>.</p>
${renderMarkdownSubset(doc.info.description)}
<h3>Verifying a webhook (Node)</h3>
<pre>${escapeHtml(VERIFY_SAMPLE)}</pre>
<h2>Envelope</h2>
<p>Every event, on NATS and in webhooks, is this JSON object.</p>
${fieldTable(envelope)}
<h2>NATS headers</h2>
${fieldTable(headers)}
<h2>Events</h2>
<table><tr><th>type</th><th>NATS subject</th></tr>${index}</table>
${events}
</body></html>
`;
}

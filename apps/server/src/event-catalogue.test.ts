import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import specs from '@asyncapi/specs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EVENT_CATALOGUE, eventCatalogueDocument } from './event-catalogue.ts';
import { buildAsyncApiDocument, messageIdOf } from './platform/events/asyncapi.ts';
import type { EventDefinition } from './platform/events/define-event.ts';
import { defineEvent } from './platform/events/define-event.ts';

const modulesDir = join(dirname(fileURLToPath(import.meta.url)), 'modules');

const isEventDefinition = (v: unknown): v is EventDefinition =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as EventDefinition).type === 'string' &&
  typeof (v as EventDefinition).version === 'number' &&
  typeof (v as EventDefinition).schema?.safeParse === 'function';

/** Every event definition exported by any module's events.ts. */
async function definedEvents(): Promise<{ module: string; name: string; event: EventDefinition }[]> {
  const found = [];
  for (const module of readdirSync(modulesDir, { withFileTypes: true })) {
    if (!module.isDirectory()) continue;
    const file = join(modulesDir, module.name, 'events.ts');
    let exports: Record<string, unknown>;
    try {
      exports = await import(pathToFileURL(file).href);
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') continue;
      throw err;
    }
    for (const [name, value] of Object.entries(exports)) {
      if (isEventDefinition(value)) found.push({ module: module.name, name, event: value });
    }
  }
  return found;
}

describe('event catalogue', () => {
  it('lists every event that a module defines in its events.ts', async () => {
    const defined = await definedEvents();
    expect(defined.length).toBeGreaterThanOrEqual(2);
    const missing = defined
      .filter((d) => !EVENT_CATALOGUE.includes(d.event))
      .map((d) => `${d.module}/events.ts ${d.name} (${d.event.type}): add it to EVENT_CATALOGUE`);
    expect(missing).toEqual([]);
    // ...and nothing else: no duplicate, no event that no module owns, each in its own module.
    const types = EVENT_CATALOGUE.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    for (const e of EVENT_CATALOGUE) {
      const owner = defined.find((d) => d.event === e);
      expect(owner, e.type).toBeDefined();
      expect(e.type.startsWith(`${owner?.module}.`), e.type).toBe(true);
    }
  });

  it('gives every event a description for the docs', () => {
    for (const e of EVENT_CATALOGUE) expect(e.description.length, e.type).toBeGreaterThan(20);
  });
});

describe('AsyncAPI document', () => {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
  const spec = (specs as unknown as { schemas: Record<string, object> }).schemas['3.0.0'];

  it('is a valid AsyncAPI 3.0.0 document', () => {
    // The spec bundles its own copy of the draft-07 meta-schema: an instance without the built-in one.
    const specAjv = new Ajv({
      strict: false,
      allErrors: true,
      meta: false,
      validateSchema: false,
      logger: false,
    });
    const validate = specAjv.compile(spec ?? {});
    const doc = eventCatalogueDocument();
    const ok = validate(JSON.parse(JSON.stringify(doc)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The validator does refuse what 3.0 does not allow (an AsyncAPI 2 style operation).
    const broken = JSON.parse(JSON.stringify(doc));
    broken.operations['send.catalog.version_published'].action = 'publish';
    expect(validate(broken)).toBe(false);
  });

  it('has one channel per event at its NATS subject, with the envelope around the zod payload schema', () => {
    const placed = defineEvent(
      'ordering.order_placed',
      z.object({ orderId: z.string(), total: z.number().int(), note: z.string().optional() }),
      { version: 2, description: 'An order was placed.' },
    );
    const locked = defineEvent('ordering.order_locked', z.strictObject({ orderId: z.string() }));
    const doc = buildAsyncApiDocument([placed, locked], { version: '9.9.9', subjectPrefix: 'c2b' });
    expect(Object.keys(doc.channels)).toEqual(['ordering.order_locked', 'ordering.order_placed']);
    expect(doc.channels['ordering.order_placed']).toMatchObject({
      address: 'c2b.ordering.order_placed',
      messages: { 'ordering.order_placed.v2': { $ref: '#/components/messages/ordering.order_placed.v2' } },
    });
    expect(doc.operations['send.ordering.order_placed']).toMatchObject({
      action: 'send',
      channel: { $ref: '#/channels/ordering.order_placed' },
    });
    expect(doc.components.schemas['ordering.order_placed.v2.payload']).toMatchObject({
      type: 'object',
      properties: { orderId: { type: 'string' }, total: { type: 'integer' }, note: { type: 'string' } },
      required: ['orderId', 'total'],
    });
    expect(messageIdOf(placed)).toBe('ordering.order_placed.v2');

    // A real envelope validates against the message schema; a wrong version or payload does not.
    ajv.addSchema(JSON.parse(JSON.stringify(doc)), 'doc');
    const validate = ajv.compile({ $ref: 'doc#/components/schemas/ordering.order_placed.v2' });
    const envelope = {
      id: 'evt_01JD0000000000000000000000',
      type: 'ordering.order_placed',
      version: 2,
      aggregateId: 'ord_01JD0000000000000000000000',
      sequence: 1,
      occurredAt: '2026-07-01T08:00:00.000Z',
      actor: { kind: 'customer', userId: 'usr_1' },
      requestId: 'req_1',
      payload: { orderId: 'ord_1', total: 129_900_00 },
    };
    expect(validate(envelope)).toBe(true);
    expect(validate({ ...envelope, version: 1 })).toBe(false);
    expect(validate({ ...envelope, payload: { orderId: 'ord_1', total: 1.5 } })).toBe(false);
    expect(validate({ ...envelope, actor: { kind: 'staff', userId: 'u', role: 'pilot', orgId: 'o' } })).toBe(
      false,
    );
    ajv.removeSchema('doc');
  });
});

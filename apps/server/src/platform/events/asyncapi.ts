import { z } from 'zod';
import { STAFF_ROLES } from '../actor.ts';
import { type EventDefinition, moduleOf } from './define-event.ts';

/**
 * The AsyncAPI 3.0 document of the events the platform publishes, generated from the event
 * catalogue: one channel per event type (its address is the NATS subject), one message per
 * event with the envelope and the payload's JSON Schema (from its zod schema), and one `send`
 * operation per channel. Committed as apps/server/asyncapi.json and drift-checked in CI, like
 * openapi.json; rendered on /docs/events.
 */
export type AsyncApiOptions = {
  version: string;
  subjectPrefix?: string;
  streamPrefix?: string;
  /** Extra Markdown for info.description (e.g. how webhooks are signed). */
  description?: string;
  /** NATS message headers besides Nats-Msg-Id: header name -> what it holds. */
  headers?: Record<string, string>;
};

const ActorSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('anonymous') }),
    z.object({ kind: z.literal('customer'), userId: z.string() }),
    z.object({ kind: z.literal('staff'), userId: z.string(), role: z.enum(STAFF_ROLES), orgId: z.string() }),
    z.object({
      kind: z.literal('api_key'),
      keyId: z.string(),
      orgId: z.string(),
      scopes: z.array(z.string()),
    }),
    z.object({ kind: z.literal('system'), name: z.string() }),
  ])
  .describe('Who caused the event: a person, a partner API key, or a system process.');

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'output',
  }) as JsonSchema;
  return rest;
}

/** Component and message ids: `catalog.version_published.v1`. */
export const messageIdOf = (event: EventDefinition) => `${event.type}.v${event.version}`;

function envelopeSchema(event: EventDefinition, payloadRef: string): JsonSchema {
  return {
    type: 'object',
    description: 'The event envelope. The same JSON is the NATS message body and the webhook request body.',
    required: [
      'id',
      'type',
      'version',
      'aggregateId',
      'sequence',
      'occurredAt',
      'actor',
      'requestId',
      'payload',
    ],
    additionalProperties: false,
    properties: {
      id: {
        type: 'string',
        pattern: '^evt_[0-9A-HJKMNP-TV-Z]{26}$',
        description: 'Unique event id (also Nats-Msg-Id): a re-sent event has the same id.',
      },
      type: { type: 'string', const: event.type },
      version: { type: 'integer', const: event.version, description: 'Schema version of `payload`.' },
      aggregateId: {
        type: 'string',
        description: 'The record the event is about (order, vehicle, model line...).',
      },
      sequence: {
        type: 'integer',
        minimum: 1,
        description:
          "Position among all of the aggregate's events (of every type), from 1 without gaps. A consumer of all of them that sees a jump missed one; a repeat is a duplicate. A consumer of some types only sees jumps over the others.",
      },
      occurredAt: { type: 'string', format: 'date-time' },
      actor: { $ref: '#/components/schemas/Actor' },
      requestId: { type: 'string', description: 'The request (or system run) that caused it, for tracing.' },
      payload: { $ref: payloadRef },
    },
  };
}

export function buildAsyncApiDocument(events: readonly EventDefinition[], options: AsyncApiOptions) {
  const subjectPrefix = options.subjectPrefix ?? 'openc2b';
  const streamPrefix = options.streamPrefix ?? 'OPENC2B';
  const sorted = [...events].sort((a, b) => a.type.localeCompare(b.type));
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {
    Actor: jsonSchema(ActorSchema),
  };
  const headerProperties: Record<string, unknown> = {
    'Nats-Msg-Id': {
      type: 'string',
      description: 'The event id; JetStream drops a second message with the same id.',
    },
  };
  for (const [name, description] of Object.entries(options.headers ?? {})) {
    headerProperties[name] = { type: 'string', description };
  }
  schemas['NatsHeaders'] = {
    type: 'object',
    required: Object.keys(headerProperties),
    properties: headerProperties,
  };

  for (const event of sorted) {
    const id = messageIdOf(event);
    const payloadId = `${id}.payload`;
    const subject = `${subjectPrefix}.${event.type}`;
    schemas[payloadId] = jsonSchema(event.schema);
    schemas[id] = envelopeSchema(event, `#/components/schemas/${payloadId}`);
    messages[id] = {
      name: event.type,
      title: `${event.type} v${event.version}`,
      summary: event.description || event.type,
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/NatsHeaders' },
      payload: { $ref: `#/components/schemas/${id}` },
      correlationId: { location: '$message.payload#/aggregateId', description: 'The aggregate' },
    };
    channels[event.type] = {
      address: subject,
      title: event.type,
      description: `${event.description ? `${event.description} ` : ''}JetStream stream \`${streamPrefix}_${moduleOf(event.type).toUpperCase()}\`.`,
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
    };
    operations[`send.${event.type}`] = {
      action: 'send',
      title: `Publish ${event.type}`,
      summary: `OpenC2B publishes ${event.type} once it is committed (at least once; de-duplicate by id).`,
      channel: { $ref: `#/channels/${event.type}` },
      messages: [{ $ref: `#/channels/${event.type}/messages/${id}` }],
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'OpenC2B events',
      version: options.version,
      description: [
        'Domain events of the OpenC2B build-to-order platform. Each is written to a transactional outbox with the',
        'change it describes and delivered after commit, at least once: to NATS JetStream (subject',
        `\`${subjectPrefix}.<type>\`, one stream per module \`${streamPrefix}_<MODULE>\`, \`Nats-Msg-Id\` = event id) and`,
        'to registered webhooks (HTTP POST, same JSON body). Order: the events of one aggregate arrive in `sequence`',
        'order for each subscriber; events of different aggregates may interleave. A breaking payload change raises',
        "the event's `version`.",
        ...(options.description ? ['', options.description] : []),
      ].join('\n'),
    },
    defaultContentType: 'application/json',
    servers: {
      nats: {
        host: 'localhost:4222',
        protocol: 'nats',
        description: 'The NATS server given in NATS_URL (JetStream enabled).',
      },
    },
    channels,
    operations,
    components: { schemas, messages },
  };
}

export type AsyncApiDocument = ReturnType<typeof buildAsyncApiDocument>;

import {
  countSolutions,
  deserializeCompiled,
  type Model,
  query,
  type Selection,
  sampleConfiguration,
} from '@openc2b/configurator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoModels } from '../../modules/catalog/index.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import { type TestClient, testClient } from '../test-client.ts';

type Summary = { code: string; versionId: string; variantCount: string; minPrice: number; basePrice: number };
type Saved = {
  code: string;
  total: number;
  versionId: string;
  createdAt: string;
  selection: Selection;
  shareUrl: string;
};
type Problem = { code: string; errors?: { path: string }[]; liveVersionId?: string; family?: string };

const g20 = demoModels.find((m) => m.id === 'qc-g20-2027') as Model;

let t: TestApp;
let anonymous: TestClient;
let customer: TestClient;
let admin: TestClient;
let versionId: string;

const savedCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('catalog.saved_configurations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.deps);
  anonymous = testClient(t.app);
  customer = testClient(t.app);
  expect((await customer.signIn('customer@example.com')).status).toBe(200);
  admin = testClient(t.app);
  expect((await admin.signIn('admin@qicheng.example')).status).toBe(200);
  const list = await anonymous.json<{ items: Summary[] }>('GET', '/store/model-lines');
  versionId = list.body.items.find((l) => l.code === 'qc-g20')?.versionId ?? '';
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('store catalogue (anonymous)', () => {
  it('lists the live model lines with exact counts and prices', async () => {
    const res = await anonymous.json<{ items: Summary[] }>('GET', '/store/model-lines');
    expect(res.status).toBe(200);
    expect(res.body.items.map((l) => l.code)).toEqual(['qc-d90-pro', 'qc-t90', 'qc-g20']);
    const d90 = res.body.items[0];
    expect(d90?.variantCount).toBe('9580323465216');
    expect(d90?.minPrice).toBeGreaterThan(0);
  });

  it('answers a line with its live version and model, and 404 for an unknown line', async () => {
    const res = await anonymous.json<{ version: { id: string; number: number }; model: Model }>(
      'GET',
      '/store/model-lines/qc-g20',
    );
    expect(res.status).toBe(200);
    expect(res.body.version).toMatchObject({ id: versionId, number: 1 });
    expect(res.body.model.id).toBe('qc-g20-2027');
    const missing = await anonymous.json<Problem>('GET', '/store/model-lines/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('catalog.model_line_not_found');
  });

  it('serves the compiled artefact: immutable, with an ETag, and it round-trips', async () => {
    const path = `/store/model-lines/qc-g20/versions/${versionId}/compiled`;
    const res = await anonymous.request('GET', path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    const compiled = deserializeCompiled(new Uint8Array(await res.arrayBuffer()));
    expect(countSolutions(compiled).toString()).toBe('3208358880');
    const again = await anonymous.request('GET', path, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    const other = await anonymous.json<Problem>(
      'GET',
      `/store/model-lines/qc-t90/versions/${versionId}/compiled`,
    );
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('catalog.version_not_found');
  });

  it('validates a partial selection with exact counts, and names an unknown option', async () => {
    const partial = await anonymous.json<{ consistent: boolean; complete: boolean; count: string }>(
      'POST',
      '/store/model-lines/qc-g20/validate',
      { body: { versionId, selection: { trim: 'trim-voyager' } } },
    );
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ consistent: true, complete: false });
    expect(BigInt(partial.body.count)).toBeGreaterThan(0n);

    const full = await anonymous.json<{ complete: boolean; total: number; breakdown: { base: number } }>(
      'POST',
      '/store/model-lines/qc-g20/validate',
      { body: { versionId, selection: g20.defaults } },
    );
    expect(full.body.complete).toBe(true);
    expect(full.body.breakdown.base).toBe(g20.basePrice);

    const unknown = await anonymous.json<Problem>('POST', '/store/model-lines/qc-g20/validate', {
      body: { versionId, selection: { trim: 'trim-racing' } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('catalog.unknown_option');
    expect(unknown.body.errors?.[0]?.path).toBe('selection.trim');

    const bad = await anonymous.json<Problem>('POST', '/store/model-lines/qc-g20/validate', {
      body: { versionId },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation.invalid_request');
    expect(bad.body.errors?.map((e) => e.path)).toContain('selection');
  });
});

describe('saving configurations', () => {
  it('re-derives price and code, and is idempotent per version and code', async () => {
    const before = await savedCount();
    const selection = sampleOf(7);
    const first = await anonymous.json<Saved>('POST', '/store/configurations', {
      body: { modelLine: 'qc-g20', versionId, selection },
    });
    expect(first.status).toBe(201);
    const expected = query(compiledG20(), selection, { explain: false }).current;
    expect(first.body.total).toBe(expected);
    expect(first.body.shareUrl).toBe(`/c/${first.body.code}`);

    const again = await anonymous.json<Saved>('POST', '/store/configurations', {
      body: { modelLine: 'qc-g20', versionId, selection },
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const byCode = await customer.json<Saved>('POST', '/store/configurations', {
      body: { modelLine: 'qc-g20', versionId, code: first.body.code.toLowerCase() },
    });
    expect(byCode.status).toBe(200);
    expect(byCode.body.code).toBe(first.body.code);
    expect(await savedCount()).toBe(before + 1);

    const read = await anonymous.json<Saved>('GET', `/store/configurations/${first.body.code}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(first.body);
  });

  it('refuses a client-sent price as an unknown field', async () => {
    const res = await anonymous.json<Problem>('POST', '/store/configurations', {
      body: { modelLine: 'qc-g20', versionId, selection: g20.defaults, total: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation.invalid_request');
    expect(res.body.errors?.map((e) => e.path)).toEqual(['total']);
  });

  it('rejects forged codes, unknown options and incomplete configurations, storing nothing', async () => {
    const before = await savedCount();
    const good = (
      await anonymous.json<Saved>('POST', '/store/configurations', {
        body: { modelLine: 'qc-g20', versionId, selection: g20.defaults },
      })
    ).body.code;
    const seeded = await savedCount();
    expect(seeded).toBe(before); // the demo customer saved the defaults already

    const last = good.at(-3) === '0' ? '1' : '0';
    const forged = `${good.slice(0, -3)}${last}${good.slice(-2)}`;
    for (const code of [forged, 'hello', `${good}X`]) {
      const res = await anonymous.json<Problem>('POST', '/store/configurations', {
        body: { modelLine: 'qc-g20', versionId, code },
      });
      expect(res.status, code).toBe(400);
      expect(res.body.code).toBe('catalog.invalid_code');
    }
    const unknown = await anonymous.json<Problem>('POST', '/store/configurations', {
      body: { modelLine: 'qc-g20', versionId, selection: { ...g20.defaults, paint: 'paint-gold-leaf' } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('catalog.unknown_option');
    expect(unknown.body.errors?.[0]?.path).toBe('selection.paint');

    const incomplete = await anonymous.json<Problem>('POST', '/store/configurations', {
      body: { modelLine: 'qc-g20', versionId, selection: { trim: 'trim-comfort' } },
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('catalog.invalid_configuration');

    const neither = await anonymous.json<Problem>('POST', '/store/configurations', {
      body: { modelLine: 'qc-g20', versionId },
    });
    expect(neither.status).toBe(400);
    expect(neither.body.errors?.map((e) => e.path)).toEqual(['selection']);
    expect(await savedCount()).toBe(seeded);
  });

  it('answers 404 for an unknown code', async () => {
    const res = await anonymous.json<Problem>('GET', '/store/configurations/A00000');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('catalog.configuration_not_found');
  });

  it('lists popular configurations of the live version, most saved first', async () => {
    const x = sampleOf(99);
    const other = testClient(t.app);
    const reg = await other.request('POST', '/auth/register', {
      body: { name: 'Popular Tester', email: 'popular@example.com', password: 'longenough123' },
    });
    expect(reg.status).toBeLessThan(300);
    for (const client of [customer, other, anonymous, anonymous]) {
      const res = await client.json<Saved>('POST', '/store/configurations', {
        body: { modelLine: 'qc-g20', versionId, selection: x },
      });
      expect(res.status).toBeLessThan(300);
    }
    const res = await anonymous.json<{ items: { code: string; saves: number; total: number }[] }>(
      'GET',
      '/store/model-lines/qc-g20/popular?limit=20',
    );
    expect(res.status).toBe(200);
    const saves = res.body.items.map((i) => i.saves);
    expect(saves[0]).toBe(3); // the customer, the new customer, anonymous (once)
    expect(saves).toEqual([...saves].sort((a, b) => b - a));
    expect(res.body.items.length).toBeGreaterThanOrEqual(5);
  });

  it("lists the signed-in customer's own configurations, and refuses anonymous callers", async () => {
    const mine = await customer.json<{ items: Saved[] }>('GET', '/store/my/configurations');
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThanOrEqual(15); // 5 demo saves per line + this file's
    const anon = await anonymous.json<Problem>('GET', '/store/my/configurations');
    expect(anon.status).toBe(401);
  });

  it('refuses a stale version with the live version id, storing nothing', async () => {
    const draft = await admin.json<{ model: Model }>('GET', '/admin/model-lines/qc-g20/draft');
    const put = await admin.json('PUT', '/admin/model-lines/qc-g20/draft', {
      body: { model: { ...draft.body.model, basePrice: draft.body.model.basePrice + 10000 } },
    });
    expect(put.status).toBe(200);
    const published = await admin.json<{ version: { id: string; number: number } }>(
      'POST',
      '/admin/model-lines/qc-g20/publish',
    );
    expect(published.status).toBe(201);
    expect(published.body.version.number).toBe(2);

    const before = await savedCount();
    const res = await anonymous.json<Problem>('POST', '/store/configurations', {
      body: { modelLine: 'qc-g20', versionId, selection: sampleOf(1234) },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('catalog.stale_version');
    expect(res.body.liveVersionId).toBe(published.body.version.id);
    expect(await savedCount()).toBe(before);

    // The old version still loads (pinned saves and orders).
    const old = await anonymous.request('GET', `/store/model-lines/qc-g20/versions/${versionId}/compiled`);
    expect(old.status).toBe(200);
    const events = await t.db
      .selectFrom('platform.outbox')
      .select('type')
      .where('type', 'in', ['catalog.version_published', 'catalog.configuration_saved'])
      .execute();
    expect(events.filter((e) => e.type === 'catalog.version_published').length).toBe(4);
    expect(events.some((e) => e.type === 'catalog.configuration_saved')).toBe(true);
  });
});

let compiledCache: ReturnType<typeof deserializeCompiled> | undefined;
function compiledG20() {
  if (!compiledCache) throw new Error('compiled G20 not loaded');
  return compiledCache;
}

function sampleOf(seed: number): Selection {
  let a = seed >>> 0;
  const rng = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return sampleConfiguration(compiledG20(), rng) ?? {};
}

beforeAll(async () => {
  const res = await anonymous.request('GET', `/store/model-lines/qc-g20/versions/${versionId}/compiled`);
  compiledCache = deserializeCompiled(new Uint8Array(await res.arrayBuffer()));
});

import { type Model, type Selection, sampleConfiguration } from '@openc2b/configurator';
import type { AppDeps } from '../app.ts';
import {
  createModelLine,
  demoModels,
  findModelLine,
  listPopularConfigurations,
  loadVersion,
  type NewModelLine,
  publishVersion,
  putDraft,
  saveConfiguration,
} from '../modules/catalog/index.ts';
import { findUserByLogin } from '../modules/identity/index.ts';
import { type Ctx, systemCtx } from '../platform/context.ts';
import { DEMO_CUSTOMER } from './demo-identity.ts';

/** The three demo lines, in storefront order, with the model each publishes as version 1. */
const DEMO_LINES: readonly (NewModelLine & { modelId: string })[] = [
  {
    code: 'qc-d90-pro',
    modelId: 'qc-d90-pro-2027',
    name: { 'zh-CN': '启程 D90 Pro', en: 'Qicheng D90 Pro' },
    tagline: {
      'zh-CN': '旗舰七座 SUV，千万亿种配置随心定制',
      en: 'Flagship 7-seat SUV, built to your order',
    },
    bodyType: { 'zh-CN': '中大型 SUV', en: 'Large SUV' },
    modelYear: 2027,
  },
  {
    code: 'qc-t90',
    modelId: 'qc-t90-2027',
    name: { 'zh-CN': '启程 T90 皮卡', en: 'Qicheng T90 Pickup' },
    tagline: { 'zh-CN': '能干活，也能去远方', en: 'Works hard, goes far' },
    bodyType: { 'zh-CN': '皮卡', en: 'Pickup' },
    modelYear: 2027,
  },
  {
    code: 'qc-g20',
    modelId: 'qc-g20-2027',
    name: { 'zh-CN': '启程 G20', en: 'Qicheng G20' },
    tagline: { 'zh-CN': '商务 MPV，也是出厂房车底盘', en: 'Business MPV and factory camper base' },
    bodyType: { 'zh-CN': 'MPV / 房车', en: 'MPV / camper' },
    modelYear: 2027,
  },
];

/** Random configurations saved per line besides the defaults (fixed seed: the same every time). */
const SAMPLES_PER_LINE = 4;

/**
 * Publishes the demo models as version 1 of three lines, and saves a few configurations as the
 * demo customer (the defaults and some seeded random ones) so that "popular configurations"
 * shows real saves. Idempotent: a line with a live version is left alone, and saves are added
 * only to a live version that has none. Returns the lines main.ts prints.
 */
export async function seedDemoCatalog(deps: AppDeps): Promise<string[]> {
  const ctx = systemCtx(deps, 'seed');
  const customer = await findUserByLogin(ctx, { kind: 'email', value: DEMO_CUSTOMER.email });
  let published = 0;
  let saved = 0;
  for (const { modelId, ...line } of DEMO_LINES) {
    const model = demoModels.find((m) => m.id === modelId);
    if (!model) throw new Error(`demo catalogue: no model ${modelId}`);
    let existing = await findModelLine(ctx, line.code);
    if (!existing) {
      await createModelLine(ctx, line);
      existing = await findModelLine(ctx, line.code);
    }
    if (!existing?.liveVersionId) {
      await putDraft(ctx, line.code, model, 'seed');
      await publishVersion(ctx, line.code);
      published++;
    }
    if (customer && (await listPopularConfigurations(ctx, line.code)).length === 0) {
      const asCustomer: Ctx = { ...ctx, actor: { kind: 'customer', userId: customer.id } };
      saved += await seedSaves(asCustomer, line.code, model);
    }
  }
  return [
    published + saved > 0
      ? `Demo catalogue: published ${published} model lines, saved ${saved} configurations.`
      : 'Demo catalogue: already present.',
  ];
}

async function seedSaves(ctx: Ctx, lineCode: string, model: Model): Promise<number> {
  const line = await findModelLine(ctx, lineCode);
  const loaded = line?.liveVersionId ? await loadVersion(ctx, line.liveVersionId) : undefined;
  if (!line || !loaded) return 0;
  const rng = seededRandom(20270101);
  const selections: Selection[] = [model.defaults ?? {}];
  for (let i = 0; i < SAMPLES_PER_LINE; i++) {
    const sample = sampleConfiguration(loaded.compiled, rng, {});
    if (sample) selections.push(sample);
  }
  let count = 0;
  for (const selection of selections) {
    const { created } = await saveConfiguration(ctx, {
      modelLine: lineCode,
      versionId: loaded.version.id,
      selection,
    });
    if (created) count++;
  }
  return count;
}

/** mulberry32: a tiny deterministic PRNG in [0, 1). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

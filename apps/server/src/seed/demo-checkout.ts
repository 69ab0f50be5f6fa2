import type { AppDeps } from '../app.ts';
import { type DealerService, listDealerProfiles, setDealerProfile } from '../modules/dealers/index.ts';
import {
  ensureFinanceOffer,
  ensureInsuranceProduct,
  type InsuranceProduct,
  type NewFinanceOffer,
} from '../modules/finance/index.ts';
import { systemCtx } from '../platform/context.ts';

/**
 * Demo data for checkout: profiles of the five demo dealers, three finance offers and the
 * insurance products, bilingual. Fictional partners with realistic terms. Idempotent: only what
 * is missing (by dealer, offer code, product code) is created.
 */
const DEALER_PROFILES: Record<string, { services: DealerService[]; handoverCapacityPerDay: number }> = {
  'DLR-SH': {
    services: ['sales', 'test_drive', 'delivery', 'service', 'body_repair', 'charging'],
    handoverCapacityPerDay: 8,
  },
  'DLR-BJ': {
    services: ['sales', 'test_drive', 'delivery', 'service', 'charging'],
    handoverCapacityPerDay: 6,
  },
  'DLR-GZ': {
    services: ['sales', 'test_drive', 'delivery', 'service', 'body_repair'],
    handoverCapacityPerDay: 6,
  },
  'DLR-CD': { services: ['sales', 'test_drive', 'delivery', 'service'], handoverCapacityPerDay: 5 },
  'DLR-HZ': { services: ['sales', 'test_drive', 'delivery', 'charging'], handoverCapacityPerDay: 4 },
};

export const DEMO_FINANCE_OFFERS: readonly NewFinanceOffer[] = [
  {
    code: 'qc-captive-0apr',
    partner: { 'zh-CN': '启程汽车金融', en: 'Qicheng Auto Finance' },
    product: { 'zh-CN': '0 息购车计划', en: '0 % APR plan' },
    description: {
      'zh-CN': '品牌金融专享：首付 30% 起，12 或 24 期，零利息、零手续费。',
      en: 'The brand’s own finance: from 30 % down, 12 or 24 months, no interest and no fees.',
    },
    aprBp: 0,
    termsMonths: [12, 24],
    minDownBp: 3000,
    modelLines: [],
    currency: 'CNY',
    sort: 10,
  },
  {
    code: 'huashang-bank-388',
    partner: { 'zh-CN': '华商银行', en: 'Huashang Bank' },
    product: { 'zh-CN': '汽车消费贷款', en: 'Car loan' },
    description: {
      'zh-CN': '年化利率 3.88%，首付 15% 起，12 至 60 期，等额本息。',
      en: 'APR 3.88 %, from 15 % down, 12 to 60 months, equal monthly instalments.',
    },
    aprBp: 388,
    termsMonths: [12, 24, 36, 48, 60],
    minDownBp: 1500,
    modelLines: [],
    currency: 'CNY',
    sort: 20,
  },
  {
    code: 'qc-business-299',
    partner: { 'zh-CN': '启程汽车金融', en: 'Qicheng Auto Finance' },
    product: { 'zh-CN': '皮卡经营贷', en: 'Pickup business loan' },
    description: {
      'zh-CN': '个体工商户与小微企业专享：T90 皮卡，年化 2.99%，首付 20% 起，12 至 36 期。',
      en: 'For sole traders and small businesses buying the T90: APR 2.99 %, from 20 % down, 12 to 36 months.',
    },
    aprBp: 299,
    termsMonths: [12, 24, 36],
    minDownBp: 2000,
    modelLines: ['qc-t90'],
    currency: 'CNY',
    sort: 30,
  },
];

const insurer = { 'zh-CN': '华盛财产保险', en: 'Huasheng Property Insurance' };
const product = (p: Omit<InsuranceProduct, 'insurer' | 'currency' | 'active'>): InsuranceProduct => ({
  ...p,
  insurer,
  currency: 'CNY',
  active: true,
});

export const DEMO_INSURANCE_PRODUCTS: readonly InsuranceProduct[] = [
  product({
    code: 'ctpl',
    kind: 'compulsory',
    name: { 'zh-CN': '机动车交通事故责任强制保险（交强险）', en: 'Compulsory traffic liability insurance' },
    description: {
      'zh-CN': '法定必须投保，家庭自用 6 座以下车辆首年保费 ¥950。',
      en: 'Required by law; ¥950 for the first year for a private car with fewer than 6 seats.',
    },
    premiumKind: 'fixed',
    fixedPremium: 95_000,
    rateBp: null,
    minimumPremium: null,
    requires: [],
    sort: 10,
  }),
  product({
    code: 'commercial-comprehensive',
    kind: 'commercial',
    name: {
      'zh-CN': '商业车险（车损险 + 第三者责任 100 万）',
      en: 'Commercial cover (own damage + ¥1 M third party)',
    },
    description: {
      'zh-CN': '保费为车价的 2.5%，最低 ¥3,000。',
      en: '2.5 % of the vehicle price, at least ¥3,000.',
    },
    premiumKind: 'rate',
    fixedPremium: null,
    rateBp: 250,
    minimumPremium: 300_000,
    requires: ['ctpl'],
    sort: 20,
  }),
  product({
    code: 'addon-third-party-3m',
    kind: 'addon',
    name: { 'zh-CN': '第三者责任提额至 300 万', en: 'Third party raised to ¥3 M' },
    description: { 'zh-CN': '附加险，需投保商业车险。', en: 'Add-on; needs the commercial cover.' },
    premiumKind: 'fixed',
    fixedPremium: 68_000,
    rateBp: null,
    minimumPremium: null,
    requires: ['commercial-comprehensive'],
    sort: 30,
  }),
  product({
    code: 'addon-glass',
    kind: 'addon',
    name: { 'zh-CN': '玻璃单独破碎险', en: 'Glass cover' },
    description: { 'zh-CN': '附加险，需投保商业车险。', en: 'Add-on; needs the commercial cover.' },
    premiumKind: 'fixed',
    fixedPremium: 45_000,
    rateBp: null,
    minimumPremium: null,
    requires: ['commercial-comprehensive'],
    sort: 40,
  }),
  product({
    code: 'addon-roadside',
    kind: 'addon',
    name: { 'zh-CN': '道路救援服务', en: 'Roadside assistance' },
    description: {
      'zh-CN': '全年不限次拖车与搭电，需投保商业车险。',
      en: 'Unlimited towing and jump starts for a year; needs the commercial cover.',
    },
    premiumKind: 'fixed',
    fixedPremium: 20_000,
    rateBp: null,
    minimumPremium: null,
    requires: ['commercial-comprehensive'],
    sort: 50,
  }),
];

export async function seedDemoCheckout(deps: AppDeps): Promise<string[]> {
  const ctx = systemCtx(deps, 'seed');
  let profiles = 0;
  for (const entry of await listDealerProfiles(ctx)) {
    const profile = DEALER_PROFILES[entry.code];
    if (!profile || entry.dealer) continue;
    await setDealerProfile(ctx, entry.orgId, { ...profile, active: true });
    profiles++;
  }
  let offers = 0;
  for (const offer of DEMO_FINANCE_OFFERS) if (await ensureFinanceOffer(ctx, offer)) offers++;
  let products = 0;
  for (const p of DEMO_INSURANCE_PRODUCTS) if (await ensureInsuranceProduct(ctx, p)) products++;
  return [
    profiles + offers + products > 0
      ? `Demo checkout: ${profiles} dealer profiles, ${offers} finance offers, ${products} insurance products.`
      : 'Demo checkout: already present.',
  ];
}

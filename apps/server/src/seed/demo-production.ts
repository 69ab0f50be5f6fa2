import type { AppDeps } from '../app.ts';
import { findOrganisationByCode } from '../modules/identity/index.ts';
import {
  addMissingCalendarExceptions,
  type CalendarException,
  createLine,
  createOptionRule,
  type DayPattern,
  listLines,
  listTransportRoutes,
  type NewLine,
  type NewOptionRule,
  setTransportDays,
} from '../modules/production/index.ts';
import { systemCtx } from '../platform/context.ts';
import { CHINA_HOLIDAYS } from './china-holidays.ts';

/**
 * The Nanjing plant of the demo brand: two final-assembly lines building the three demo model
 * lines, their weekly shift patterns, the Chinese public holidays, a plant shutdown after the
 * 2027 Spring Festival, year-end overtime Saturdays, N/P rules on real option codes of the demo
 * models, and transport days to the five demo dealers by distance. Idempotent: a line that
 * exists is left as the planner keeps it (only missing calendar dates are added), routes are
 * seeded only for a plant without any.
 */
const weekdays = (shifts: number, carsPerShift: number): DayPattern[] => [
  ...Array.from({ length: 5 }, () => ({ shifts, carsPerShift })),
  { shifts: 0, carsPerShift: 0 },
  { shifts: 0, carsPerShift: 0 },
];

type DemoLine = NewLine & {
  rules: NewOptionRule[];
  overtime: { date: string; shifts: number; carsPerShift: number }[];
};

const rule = (
  code: string,
  zh: string,
  en: string,
  n: number,
  p: number,
  priority: 'high' | 'low',
  options: string[],
): NewOptionRule => ({ code, name: { 'zh-CN': zh, en }, n, p, priority, condition: { any: options } });

export const DEMO_LINES: readonly DemoLine[] = [
  {
    code: 'NJ-A1',
    name: { 'zh-CN': '总装一线（SUV / MPV）', en: 'Final assembly line A1 (SUV / MPV)' },
    modelLines: ['qc-d90-pro', 'qc-g20'],
    paintFamily: 'paint',
    paintBatchLimit: 10,
    frozenDays: 3,
    buildDays: 2,
    storageSlackDays: 3,
    reworkDays: 1,
    weekly: weekdays(2, 24),
    // LQC (the brand's initials) cannot be a WMI: Q is not a VIN character.
    vin: { wmi: 'LKC', plantCode: 'N', descriptors: { 'qc-d90-pro': 'SD90P', 'qc-g20': 'MG20A' } },
    rules: [
      rule('pano-roof', '全景天窗装配', 'Panoramic roof fitting', 1, 3, 'high', ['sunroof-panoramic']),
      rule('phev-battery', '插混电池合装', 'PHEV battery marriage', 2, 5, 'high', ['eng-phev']),
      rule(
        'camper-roof',
        '房车顶（升顶 / 车顶帐篷 / 高顶）',
        'Camper roof (pop-top, roof tent, high roof)',
        1,
        4,
        'high',
        ['roof-poptop', 'roof-tent-hardshell', 'body-lwb-high'],
      ),
      rule(
        'camper-interior',
        '房车内饰（厨房 / 营地座椅）',
        'Camper interior (kitchen, camper seating)',
        1,
        4,
        'low',
        ['kitchen-compact', 'kitchen-full', 'seats-4-camper'],
      ),
      rule('four-wheel-drive', '四驱底盘合装', 'Four-wheel-drive chassis', 3, 5, 'low', [
        'drive-4wd',
        'drive-4wd-lock',
        'drive-awd',
      ]),
      rule('rear-screens', '后排娱乐屏', 'Rear-seat screens', 1, 3, 'low', ['rse-ceiling', 'rse-headrest']),
      rule('executive-seats', '六座行政座椅', 'Six-seat executive seating', 1, 4, 'low', ['seats-6-exec']),
    ],
    overtime: [
      { date: '2026-12-12', shifts: 1, carsPerShift: 24 },
      { date: '2026-12-19', shifts: 1, carsPerShift: 24 },
    ],
  },
  {
    code: 'NJ-B1',
    name: { 'zh-CN': '总装二线（皮卡）', en: 'Final assembly line B1 (pickup)' },
    modelLines: ['qc-t90'],
    paintFamily: 'paint',
    paintBatchLimit: 8,
    frozenDays: 3,
    buildDays: 2,
    storageSlackDays: 2,
    reworkDays: 1,
    weekly: weekdays(1, 30),
    vin: { wmi: 'LKC', plantCode: 'N', descriptors: { 'qc-t90': 'PT90A' } },
    rules: [
      rule('ev-battery', '纯电平台电池合装', 'EV battery marriage', 1, 3, 'high', ['eng-ev']),
      rule('single-cab', '单排车身', 'Single-cab body', 1, 3, 'low', ['cab-single']),
      rule('canopy', '货箱硬顶', 'Bed canopy', 1, 2, 'low', ['cover-canopy']),
      rule('offroad-kit', '越野套件', 'Off-road kit', 2, 5, 'low', ['pkg-offroad']),
    ],
    overtime: [{ date: '2026-12-19', shifts: 1, carsPerShift: 20 }],
  },
];

/** Transport days (calendar days by truck) from Nanjing to each demo dealer. */
export const DEMO_TRANSPORT_DAYS: Readonly<Record<string, number>> = {
  'DLR-SH': 1, // Shanghai, ~300 km
  'DLR-HZ': 1, // Hangzhou, ~280 km
  'DLR-BJ': 3, // Beijing, ~1,000 km
  'DLR-GZ': 4, // Guangzhou, ~1,400 km
  'DLR-CD': 5, // Chengdu, ~1,700 km
};

const SHUTDOWN_2027 = ['2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'];

function calendarOf(line: DemoLine): CalendarException[] {
  const monday = line.weekly[0] ?? { shifts: 0, carsPerShift: 0 };
  return [
    ...CHINA_HOLIDAYS.map((h) => ({
      date: h.date,
      kind: h.kind,
      shifts: h.kind === 'holiday' ? 0 : monday.shifts,
      carsPerShift: h.kind === 'holiday' ? 0 : monday.carsPerShift,
      reason: h.reason,
    })),
    ...SHUTDOWN_2027.map((date) => ({
      date,
      kind: 'holiday' as const,
      shifts: 0,
      carsPerShift: 0,
      reason: { 'zh-CN': '春节后停产检修', en: 'Plant shutdown for maintenance after the Spring Festival' },
    })),
    ...line.overtime.map((o) => ({
      date: o.date,
      kind: 'overtime' as const,
      shifts: o.shifts,
      carsPerShift: o.carsPerShift,
      reason: { 'zh-CN': '年底冲量周六加班', en: 'Year-end overtime Saturday' },
    })),
  ];
}

export async function seedDemoProduction(deps: AppDeps): Promise<string[]> {
  const ctx = systemCtx(deps, 'seed');
  const plant = await findOrganisationByCode(ctx, 'QC-PLANT-NJ');
  if (!plant) return ['Demo production: no demo plant, skipped.'];
  const existing = await listLines(ctx);
  let createdLines = 0;
  let addedDates = 0;
  for (const demo of DEMO_LINES) {
    const { rules, overtime: _overtime, ...input } = demo;
    let line = existing.find((l) => l.plantOrgId === plant.id && l.code === demo.code);
    if (!line) {
      line = await createLine(ctx, { ...input, plantOrgId: plant.id });
      for (const r of rules) await createOptionRule(ctx, line.id, r);
      createdLines++;
    }
    addedDates += (await addMissingCalendarExceptions(ctx, line.id, calendarOf(demo))).added.length;
  }
  let routes = 0;
  if ((await listTransportRoutes(ctx, plant.id)).length === 0) {
    for (const [code, days] of Object.entries(DEMO_TRANSPORT_DAYS)) {
      const dealer = await findOrganisationByCode(ctx, code);
      if (!dealer) continue;
      await setTransportDays(ctx, dealer.id, days, plant.id);
      routes++;
    }
  }
  return [
    createdLines + addedDates + routes > 0
      ? `Demo production: ${createdLines} lines, ${addedDates} calendar dates, ${routes} dealer routes seeded.`
      : 'Demo production: already present.',
  ];
}

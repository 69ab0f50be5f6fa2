import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getLineCalendar,
  listLines,
  listOptionRules,
  listTransportRoutes,
} from '../modules/production/index.ts';
import { type Ctx, systemCtx } from '../platform/context.ts';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';
import { seedDemoData } from './index.ts';

let t: TestApp;
let ctx: Ctx;
let first: string[];

beforeAll(async () => {
  t = await createTestApp();
  first = await seedDemoData(t.deps);
  ctx = systemCtx(t.deps, 'test');
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const count = async (
  table: 'production.calendar_exceptions' | 'production.option_rules' | 'production.lines',
) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('demo production data', () => {
  it('seeds the Nanjing lines for the three demo model lines, with rules, calendars and dealer routes', async () => {
    expect(
      first.some((l) => /Demo production: 2 lines, \d+ calendar dates, 5 dealer routes seeded/.test(l)),
    ).toBe(true);
    const lines = await listLines(ctx);
    expect(lines.map((l) => [l.code, l.modelLines])).toEqual([
      ['NJ-A1', ['qc-d90-pro', 'qc-g20']],
      ['NJ-B1', ['qc-t90']],
    ]);
    for (const line of lines) {
      const rules = await listOptionRules(ctx, line.id);
      expect(rules.length).toBeGreaterThanOrEqual(4);
      expect(rules.every((r) => r.name['zh-CN'] && r.name.en && r.n < r.p)).toBe(true);
    }
    expect((await listTransportRoutes(ctx, lines[0]?.plantOrgId)).map((r) => r.days).sort()).toEqual([
      1, 1, 3, 4, 5,
    ]);
  });

  it('has the 2026 holidays and make-up days, and the 2027 statutory days marked provisional', async () => {
    const line = (await listLines(ctx))[0];
    if (!line) throw new Error('no line');
    const cal = await getLineCalendar(ctx, line.id, { from: '2026-02-13', to: '2026-03-01' });
    const day = (d: string) => cal.days.find((x) => x.date === d);
    expect(day('2026-02-13')).toMatchObject({ working: true, exception: null });
    expect(day('2026-02-14')).toMatchObject({
      working: true,
      capacity: 48,
      exception: { kind: 'makeup_workday' },
    });
    expect(day('2026-02-16')?.exception).toMatchObject({
      kind: 'holiday',
      reason: { 'zh-CN': '春节', en: 'Spring Festival' },
    });
    expect(day('2026-02-23')).toMatchObject({ working: false });
    expect(day('2026-02-24')).toMatchObject({ working: true, exception: null });
    expect(day('2026-02-28')?.exception?.kind).toBe('makeup_workday');
    const y2027 = await getLineCalendar(ctx, line.id, { from: '2027-02-05', to: '2027-02-15' });
    expect(y2027.days[0]?.exception?.reason.en).toMatch(/provisional/);
    expect(y2027.days.find((d) => d.date === '2027-02-10')?.exception?.reason.en).toMatch(/shutdown/);
    expect(y2027.days.find((d) => d.date === '2027-02-15')).toMatchObject({ working: true });
  });

  it('runs again on every start without adding or changing anything', async () => {
    const before = [
      await count('production.lines'),
      await count('production.option_rules'),
      await count('production.calendar_exceptions'),
    ];
    const again = await seedDemoData(t.deps);
    expect(again).toContain('Demo production: already present.');
    expect([
      await count('production.lines'),
      await count('production.option_rules'),
      await count('production.calendar_exceptions'),
    ]).toEqual(before);
  });
});

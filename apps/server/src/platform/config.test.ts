import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to port 3000 and PGlite in ./data; keeps a development secret in DATA_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openc2b-config-'));
    try {
      const config = loadConfig({ DATA_DIR: dir });
      expect(config).toMatchObject({ port: 3000, dataDir: dir, logLevel: 'info', nodeEnv: 'development' });
      expect(config.databaseUrl).toBeUndefined();
      expect(config.natsUrl).toBeUndefined();
      expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(config.sessionSecret);
      expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(config.sessionSecret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a payment simulator secret in DATA_DIR in development, and has none in production unless set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openc2b-config-'));
    try {
      const config = loadConfig({ DATA_DIR: dir });
      expect(config.paymentSimSecret).toMatch(/^[0-9a-f]{64}$/);
      expect(config.paymentSimSecret).not.toBe(config.sessionSecret);
      expect(readFileSync(join(dir, 'payment-sim-secret'), 'utf8').trim()).toBe(config.paymentSimSecret);
      expect(loadConfig({ DATA_DIR: dir }).paymentSimSecret).toBe(config.paymentSimSecret);
      const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), DATA_DIR: dir };
      expect(loadConfig(production).paymentSimSecret).toBeUndefined();
      expect(loadConfig({ ...production, PAYMENT_SIM_SECRET: 'y'.repeat(32) }).paymentSimSecret).toBe(
        'y'.repeat(32),
      );
      expect(() => loadConfig({ ...production, PAYMENT_SIM_SECRET: 'short' })).toThrow(/PAYMENT_SIM_SECRET/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/c2b',
      NATS_URL: 'nats://nats:4222',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 'x'.repeat(32),
      WEB_DIST: '/srv/web',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u:p@db:5432/c2b',
      natsUrl: 'nats://nats:4222',
      logLevel: 'warn',
      nodeEnv: 'production',
      webDist: '/srv/web',
      webhookAllowPrivateNetworks: false,
    });
    expect(config.metricsToken).toBeUndefined();
  });

  it('allows private webhook addresses outside production by default, in production only when told; reads the metrics token', () => {
    const prod = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) };
    expect(loadConfig({ NODE_ENV: 'test' }).webhookAllowPrivateNetworks).toBe(true);
    expect(
      loadConfig({ NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' }).webhookAllowPrivateNetworks,
    ).toBe(false);
    expect(loadConfig(prod).webhookAllowPrivateNetworks).toBe(false);
    expect(loadConfig({ ...prod, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }).webhookAllowPrivateNetworks).toBe(
      true,
    );
    expect(loadConfig({ ...prod, METRICS_TOKEN: 't'.repeat(24) }).metricsToken).toBe('t'.repeat(24));
    expect(() => loadConfig({ ...prod, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'yes' })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE_NETWORKS/,
    );
    expect(() => loadConfig({ ...prod, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('fails fast naming every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', NODE_ENV: 'test' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) expect(message).toContain(name);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
  });
});

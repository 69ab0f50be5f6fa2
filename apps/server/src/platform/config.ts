import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './log.ts';

/**
 * Configuration from the environment, parsed once at start-up. Anything wrong stops the
 * process with one message naming every bad variable.
 */
export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export type Config = {
  port: number;
  /** Absent: embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** Absent: events stay in-process. */
  natsUrl?: string;
  logLevel: LogLevel;
  sessionSecret: string;
  /**
   * HMAC secret of the built-in simulated payment provider's callbacks. Absent: the simulator
   * is off (the default in production, where a pay page that anyone can "succeed" would be a hole).
   */
  paymentSimSecret?: string;
  nodeEnv: NodeEnv;
  /** The built web app served at `/` (apps/web/dist). */
  webDist: string;
  /** Webhook URLs may point at private, loopback or link-local addresses (default: outside production). */
  webhookAllowPrivateNetworks: boolean;
  /** Bearer token for GET /metrics; absent: the endpoint answers 404. */
  metricsToken?: string;
};

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const envSchema = z.object({
  NODE_ENV: z.preprocess(emptyToUndefined, z.enum(NODE_ENVS).default('development')),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  NATS_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(nats|tls|wss?):\/\/|^[\w.-]+:\d+$/, 'must be a nats:// URL or host:port')
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(LOG_LEVELS).optional()),
  SESSION_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  ),
  WEB_DIST: z.preprocess(emptyToUndefined, z.string().optional()),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: z.preprocess(
    emptyToUndefined,
    z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
  ),
  METRICS_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().min(16, 'must be at least 16 characters (e.g. `openssl rand -hex 24`)').optional(),
  ),
  PAYMENT_SIM_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  ),
});

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const problems: string[] = [];
  let sessionSecret = e.SESSION_SECRET;
  if (!sessionSecret) {
    if (e.NODE_ENV === 'production') problems.push('SESSION_SECRET: required when NODE_ENV=production');
    else if (e.NODE_ENV === 'test') sessionSecret = randomBytes(32).toString('hex');
    else sessionSecret = developmentSecret(dataDir, 'session-secret');
  }
  // The payment simulator runs in development and tests; in production only when a secret is set.
  let paymentSimSecret = e.PAYMENT_SIM_SECRET;
  if (!paymentSimSecret && e.NODE_ENV === 'test') paymentSimSecret = randomBytes(32).toString('hex');
  else if (!paymentSimSecret && e.NODE_ENV === 'development') {
    paymentSimSecret = developmentSecret(dataDir, 'payment-sim-secret');
  }
  if (problems.length > 0 || !sessionSecret) throw new ConfigError(problems);
  return {
    port: e.PORT,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    dataDir,
    ...(e.NATS_URL ? { natsUrl: e.NATS_URL } : {}),
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    sessionSecret,
    ...(paymentSimSecret ? { paymentSimSecret } : {}),
    nodeEnv: e.NODE_ENV,
    webDist: e.WEB_DIST ? resolve(e.WEB_DIST) : join(repoRoot, 'apps/web/dist'),
    // SSRF: in production webhooks reach only public addresses unless this is said explicitly.
    webhookAllowPrivateNetworks:
      e.WEBHOOK_ALLOW_PRIVATE_NETWORKS === undefined
        ? e.NODE_ENV !== 'production'
        : e.WEBHOOK_ALLOW_PRIVATE_NETWORKS === 'true',
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
  };
}

// In development a random secret is generated once and kept beside the data, so sessions (and
// signed payment callbacks) survive restarts without anyone having to set one.
function developmentSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not there yet
  }
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Hides credentials when a URL is logged. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable url>';
  }
}

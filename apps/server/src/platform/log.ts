/** Structured logging: one JSON object per line on stdout (stderr for warn/error). */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

type LogFields = Record<string, unknown>;
type LogMethod = (msg: string, fields?: LogFields) => void;

export type Logger = {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
  child(fields: LogFields): Logger;
};

export type LogRecord = { level: Exclude<LogLevel, 'silent'>; time: string; msg: string } & LogFields;
export type LogSink = (record: LogRecord) => void;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

const defaultSink: LogSink = (record) => {
  const line = `${JSON.stringify(record, jsonSafe)}\n`;
  if (RANK[record.level] >= RANK.warn) process.stderr.write(line);
  else process.stdout.write(line);
};

// Errors do not stringify on their own; keep name, message, code and stack for the log (never
// for responses).
function jsonSafe(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: value.message, stack: value.stack };
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) out['code'] = code;
    if (value.cause !== undefined) out['cause'] = value.cause;
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export function createLogger(
  level: LogLevel = 'info',
  options: { sink?: LogSink; base?: LogFields } = {},
): Logger {
  const sink = options.sink ?? defaultSink;
  const base = options.base ?? {};
  const threshold = RANK[level];
  const method =
    (name: Exclude<LogLevel, 'silent'>): LogMethod =>
    (msg, fields) => {
      if (RANK[name] < threshold) return;
      sink({ level: name, time: new Date().toISOString(), msg, ...base, ...fields });
    };
  return {
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
    child: (fields) => createLogger(level, { sink, base: { ...base, ...fields } }),
  };
}

/** For tests that want to read what was logged. */
export function memoryLogger(level: LogLevel = 'debug'): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  // Stored as they would be written, so tests see what the log line would hold.
  const log = createLogger(level, { sink: (r) => records.push(JSON.parse(JSON.stringify(r, jsonSafe))) });
  return Object.assign(log, { records });
}

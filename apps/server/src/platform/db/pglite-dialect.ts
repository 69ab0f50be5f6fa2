import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { Mutex, type Release } from './mutex.ts';

/**
 * A Kysely dialect for PGlite (see docs/decisions/0003-pglite-driver.md).
 *
 * PGlite is one connection in this process. The driver hands out that connection behind a
 * mutex: a plain query holds it for one statement, a transaction from BEGIN to COMMIT, so
 * statements of other callers can never land inside someone else's transaction.
 *
 * Consequence: inside a transaction, use the transaction (`ctx.db`), never the root db; a query
 * on the root db would wait for the lock its own transaction holds. The driver warns in the log
 * when a caller waits suspiciously long.
 */
export type PGliteDialectOptions = {
  pglite: PGlite;
  /** Called when a caller has waited this long for the connection (likely a self-deadlock). */
  onLongWait?: (waitedMs: number) => void;
  longWaitMs?: number;
};

export class PGliteDialect implements Dialect {
  readonly #options: PGliteDialectOptions;

  constructor(options: PGliteDialectOptions) {
    this.#options = options;
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.#options);
  }

  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Dialect signature
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}

const connectionRelease = new WeakMap<DatabaseConnection, Release>();

class PGliteDriver implements Driver {
  readonly #options: PGliteDialectOptions;
  readonly #mutex = new Mutex();
  readonly #connection: PGliteConnection;

  constructor(options: PGliteDialectOptions) {
    this.#options = options;
    this.#connection = new PGliteConnection(options.pglite);
  }

  async init(): Promise<void> {
    await this.#options.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const { onLongWait, longWaitMs = 5000 } = this.#options;
    const started = Date.now();
    const timer =
      onLongWait && this.#mutex.locked
        ? setTimeout(() => onLongWait(Date.now() - started), longWaitMs)
        : undefined;
    timer?.unref();
    const release = await this.#mutex.acquire();
    if (timer) clearTimeout(timer);
    connectionRelease.set(this.#connection, release);
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    // PGlite is a single session, so isolation levels above the default change nothing
    // observable; honour the setting anyway so the SQL matches what runs on PostgreSQL.
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${level}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const release = connectionRelease.get(connection);
    connectionRelease.delete(connection);
    release?.();
  }

  async destroy(): Promise<void> {
    // The owner of the PGlite instance closes it (createDatabase), after Kysely is destroyed.
  }
}

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiledQuery;
    if (parameters.length === 0) {
      // Without parameters use the simple protocol, which accepts several statements in one
      // string (migration files); the last statement's result is the answer.
      const results = await this.#pglite.exec(sql);
      const last = results[results.length - 1];
      return toQueryResult<R>((last?.rows ?? []) as R[], last?.affectedRows);
    }
    const result = await this.#pglite.query<R>(sql, parameters as unknown[]);
    return toQueryResult<R>(result.rows, result.affectedRows);
  }

  async *streamQuery<R>(
    compiledQuery: CompiledQuery,
    chunkSize = 100,
  ): AsyncIterableIterator<QueryResult<R>> {
    // PGlite has no cursors over the wire; read everything and hand it out in chunks.
    const { rows } = await this.executeQuery<R>(compiledQuery);
    for (let i = 0; i < rows.length; i += chunkSize) yield { rows: rows.slice(i, i + chunkSize) };
  }
}

function toQueryResult<R>(rows: R[], affectedRows: number | undefined): QueryResult<R> {
  // Kysely reads numAffectedRows only for insert/update/delete.
  return affectedRows === undefined ? { rows } : { rows, numAffectedRows: BigInt(affectedRows) };
}

import type Database from 'better-sqlite3';

/** Rows per statement: 100 rows of the widest table stay far below SQLite's 32,766 parameters. */
const CHUNK = 100;

/**
 * Multi-row `INSERT … VALUES (…), (…)`. One statement per row makes SQLite journal, per
 * statement, every page that the row's indexes and triggers touch; one statement for many rows
 * pays that once. Statements are prepared once per chunk size.
 */
export class BulkInsert {
  private readonly statements = new Map<number, Database.Statement>();

  /**
   * @param head `INSERT INTO t (a, b, c)`
   * @param tail what follows the VALUES list (an upsert clause, RETURNING)
   */
  constructor(
    private readonly db: Database.Database,
    private readonly head: string,
    private readonly width: number,
    private readonly tail = '',
  ) {}

  run(rows: readonly (readonly unknown[])[]): void {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      this.statement(chunk.length).run(chunk.flat());
    }
  }

  /** For a statement with RETURNING: the rows it returned. */
  all<T>(rows: readonly (readonly unknown[])[]): T[] {
    const out: T[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      out.push(...(this.statement(chunk.length).all(chunk.flat()) as T[]));
    }
    return out;
  }

  private statement(rows: number): Database.Statement {
    let statement = this.statements.get(rows);
    if (!statement) {
      const tuple = `(${Array.from({ length: this.width }, () => '?').join(', ')})`;
      statement = this.db.prepare(
        `${this.head} VALUES ${Array.from({ length: rows }, () => tuple).join(', ')} ${this.tail}`,
      );
      this.statements.set(rows, statement);
    }
    return statement;
  }
}

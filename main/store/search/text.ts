import type Database from 'better-sqlite3';
import { normaliseMainlandPhone } from '../../../shared/domain/phone';
import { normaliseWaybill } from '../../../shared/domain/waybill';
import { SHORT_SEARCH_WINDOW, type SearchKind } from '../../../shared/domain/views';
import type { CasePage } from '../../../shared/rpc/dto';
import { APPELLANT, COLUMNS, StatementCache, toPage, type Cursor } from '../queue';

/**
 * The queue's one search box. It decides what the text is:
 * - a case number (SS + 14 digits): exact lookup on its unique index;
 * - digits and letters only (a waybill number, or a phone number in any usual spelling):
 *   exact lookups on the waybill index and, if it is a valid mainland number, the phone index;
 * - anything else: words of three or more characters go to the FTS5 trigram index (so any
 *   Chinese substring of three characters matches); shorter words only narrow those matches.
 *   A query with no word of three characters cannot use a trigram index: it scans the most
 *   recently registered SHORT_SEARCH_WINDOW cases and the result says so (`kind: 'short_text'`).
 */
const EXACT_LIMIT = 200;

export interface SearchPage extends CasePage {
  kind: SearchKind;
}

const CASE_NO = /^SS\d{14}$/i;
const NUMBER = /^[A-Za-z0-9+\-\s]{5,40}$/;

export function classify(raw: string): { kind: SearchKind; text: string } {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (CASE_NO.test(text)) return { kind: 'case_no', text: text.toUpperCase() };
  if (NUMBER.test(text) && /\d/.test(text)) return { kind: 'number', text };
  const words = text.split(' ');
  return { kind: words.some((w) => [...w].length >= 3) ? 'text' : 'short_text', text };
}

/** An FTS5 phrase: the word in double quotes, inner quotes doubled, so no query syntax leaks in. */
const phrase = (word: string) => `"${word.replaceAll('"', '""')}"`;

/** The statement a search runs; `exact` results are one page of at most EXACT_LIMIT rows. */
export interface SearchQuery {
  kind: SearchKind;
  sql: string;
  params: unknown[];
  exact: boolean;
}

export class CaseSearch {
  private readonly stmts: StatementCache;
  constructor(private readonly db: Database.Database) {
    this.stmts = new StatementCache(db);
  }

  search(raw: string, cursor: Cursor | null, limit: number): SearchPage {
    const q = this.query(raw, cursor, limit);
    const rows = this.stmts.pages(q.sql).all(...q.params);
    return q.exact
      ? { kind: q.kind, ...toPage(rows, EXACT_LIMIT), nextCursor: null }
      : { kind: q.kind, ...toPage(rows, limit) };
  }

  /** What `search` runs (the queue benchmark runs the same SQL bare). */
  query(raw: string, cursor: Cursor | null, limit: number): SearchQuery {
    const { kind, text } = classify(raw);
    if (kind === 'case_no') return { kind, ...exact('c.case_no = ?', [text]) };
    if (kind === 'number') return { kind, ...number(text) };
    const words = text.split(' ').filter(Boolean);
    const long = words.filter((w) => [...w].length >= 3);
    const short = words.filter((w) => [...w].length < 3);
    return { kind, exact: false, ...this.text(long, short, cursor, limit) };
  }

  /** Newest registered first (FTS rowid order = case rowid order), keyset on the rowid. */
  private text(
    long: string[],
    short: string[],
    cursor: Cursor | null,
    limit: number,
  ): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const where: string[] = [];
    if (long.length > 0) {
      where.push('case_search MATCH ?');
      params.push(long.map(phrase).join(' AND '));
    } else {
      const max = (this.stmts.get('SELECT max(rowid) AS m FROM cases').get() as { m: number | null }).m ?? 0;
      where.push('s.rowid > ?');
      params.push(max - SHORT_SEARCH_WINDOW);
    }
    for (const w of short) {
      where.push('(instr(s.description, ?) > 0 OR instr(s.name, ?) > 0)');
      params.push(w, w);
    }
    if (cursor) {
      where.push('s.rowid < ?');
      params.push(cursor.key);
    }
    const sql = `SELECT ${COLUMNS}, s.rowid AS sortKey FROM case_search s JOIN cases c ON c.id = s.case_id ${APPELLANT}
      WHERE ${where.join(' AND ')} ORDER BY s.rowid DESC LIMIT ?`;
    return { sql, params: [...params, limit + 1] };
  }
}

/** Waybill numbers are stored upper-case without spaces; phones as the national number. */
function number(text: string): { sql: string; params: unknown[]; exact: true } {
  const waybill = normaliseWaybill(text);
  const phone = normaliseMainlandPhone(text);
  if (!phone) return exact('c.waybill_no = ?', [waybill]);
  // Each branch is its own index lookup; UNION keeps one row per case.
  const sql = `SELECT ${COLUMNS}, c.received_at AS sortKey FROM cases c ${APPELLANT} WHERE c.waybill_no = ?
      UNION SELECT ${COLUMNS}, c.received_at AS sortKey FROM parties p JOIN cases c ON c.id = p.case_id
        WHERE p.phone = ? AND p.kind = 'appellant'
      ORDER BY sortKey DESC, id DESC LIMIT ${EXACT_LIMIT}`;
  return { sql, params: [waybill, phone], exact: true };
}

function exact(where: string, params: unknown[]): { sql: string; params: unknown[]; exact: true } {
  const sql = `SELECT ${COLUMNS}, c.received_at AS sortKey FROM cases c ${APPELLANT} WHERE ${where}
      ORDER BY c.received_at DESC, c.id DESC LIMIT ${EXACT_LIMIT}`;
  return { sql, params, exact: true };
}

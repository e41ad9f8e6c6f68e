import type Database from 'better-sqlite3';
import type { Role } from '../../shared/domain/roles';
import { RpcFailure } from '../../shared/rpc/errors';

/** The store's refusal of `fn` (a store command that must refuse); anything else fails the test. */
export function refusal(fn: () => unknown): RpcFailure {
  try {
    fn();
  } catch (error) {
    if (error instanceof RpcFailure) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Staff members by id, name and roles, as sign-in or the admin screens would record them. */
export function addStaff(db: Database.Database, staff: readonly (readonly [string, string, Role[]])[]): void {
  const add = db.prepare('INSERT INTO staff (id, name, roles, team, created_at) VALUES (?, ?, ?, NULL, 0)');
  for (const [id, name, roles] of staff) add.run(id, name, JSON.stringify(roles));
}

import { describe, expect, it } from 'vitest';
import { registerAppealSchema } from '../../../shared/domain/appeal';
import { MUTATIONS } from '../../../shared/sync/mutations';
import { decide, newCase, type SyncCase } from '../../../shared/sync/rules';
import { validAppeal } from '../../support/appeals';

const at = Date.UTC(2026, 10, 20, 2);
const handler = { staffId: 'u-li', roles: ['handler'] as const };
const lead = { staffId: 'u-zhao', roles: ['team_lead'] as const };

function serverCase(over: Partial<SyncCase> = {}): SyncCase {
  const input = registerAppealSchema.parse(validAppeal({ receivedAt: at }));
  return {
    ...newCase({ id: 'c-1', caseNo: 'SS20261120000001', input }, 'SS20261120000001', at),
    version: 3,
    ...over,
  };
}
const editArgs = (fields: Record<string, { value: string | number | null; baseVersion: number }>) =>
  MUTATIONS['editCaseFields.v1'].parse({ caseId: 'c-1', fields });

describe('editCaseFields.v1 on the server', () => {
  it('applies every field whose version is the base, bumping each, and records the old and new values', () => {
    const current = serverCase({ fieldVersions: { description: 2 } });
    const outcome = decide(
      'editCaseFields.v1',
      editArgs({
        description: { value: '新的描述', baseVersion: 2 },
        demandAmountYuan: { value: null, baseVersion: 0 },
      }),
      current,
      handler,
      at,
    );
    expect(outcome.kind).toBe('applied');
    if (outcome.kind !== 'applied') return;
    expect(outcome.next.fieldVersions).toEqual({ description: 3, demandAmountYuan: 1 });
    expect(outcome.next.intake.description).toBe('新的描述');
    expect(outcome.next.intake.demandAmountYuan).toBeUndefined();
    expect(outcome.event).toEqual({
      type: 'case.fields_edited',
      data: {
        fields: ['description', 'demandAmountYuan'],
        description: { from: current.intake.description, to: '新的描述' },
        demandAmountYuan: { from: 300, to: null },
      },
    });
  });

  it('refuses the whole edit when one field moved on, listing that field with the server’s version and value', () => {
    const outcome = decide(
      'editCaseFields.v1',
      editArgs({ description: { value: 'x', baseVersion: 0 }, demand: { value: 'apology', baseVersion: 0 } }),
      serverCase({ fieldVersions: { demand: 1 } }),
      handler,
      at,
    );
    expect(outcome).toMatchObject({
      kind: 'rejected',
      code: 'FIELD_CONFLICT',
      details: { version: 3, fields: [{ field: 'demand', serverVersion: 1, serverValue: 'compensation' }] },
    });
  });

  it('is a no-op when the values are already there, and refuses closed cases, others’ cases and bad results', () => {
    const same = editArgs({ demand: { value: 'compensation', baseVersion: 0 } });
    expect(decide('editCaseFields.v1', same, serverCase(), handler, at)).toEqual({ kind: 'noop' });

    const change = editArgs({ demand: { value: 'apology', baseVersion: 0 } });
    expect(decide('editCaseFields.v1', change, serverCase({ status: 'closed' }), lead, at)).toMatchObject({
      code: 'CASE_CLOSED',
    });
    expect(
      decide('editCaseFields.v1', change, serverCase({ assigneeId: 'u-han' }), handler, at),
    ).toMatchObject({
      code: 'NOT_ASSIGNEE',
    });
    expect(decide('editCaseFields.v1', change, serverCase({ assigneeId: 'u-han' }), lead, at).kind).toBe(
      'applied',
    );

    const orphanReason = editArgs({ category: { value: 'delay', baseVersion: 0 } });
    expect(decide('editCaseFields.v1', orphanReason, serverCase(), handler, at)).toMatchObject({
      code: 'INVALID_DATA',
      details: { issues: [{ path: 'reason', key: 'validation.reason.unknown' }] },
    });
  });

  it('refuses malformed edits before any rule runs: unknown fields, no fields, negative versions', () => {
    const parse = (fields: unknown) =>
      MUTATIONS['editCaseFields.v1'].safeParse({ caseId: 'c-1', fields }).success;
    expect(parse({ channel: { value: 'web', baseVersion: 0 } })).toBe(false);
    expect(parse({})).toBe(false);
    expect(parse({ description: { value: 'x', baseVersion: -1 } })).toBe(false);
    expect(parse({ description: { value: 'x', baseVersion: 0, extra: 1 } })).toBe(false);
    expect(parse({ description: { value: 'x', baseVersion: 0 } })).toBe(true);
  });
});

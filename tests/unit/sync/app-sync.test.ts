import { describe, expect, it } from 'vitest';
import { normalizeServerUrl } from '../../../main/sync/auth';
import { retryIntent } from '../../../shared/sync/retry';
import { SYNC_MESSAGES } from '../../../shared/sync/messages';
import { SYNC_UI_MESSAGES } from '../../../renderer/src/sync/messages';

describe('sync server address', () => {
  it('keeps http(s) addresses, without a trailing slash', () => {
    expect(normalizeServerUrl(' https://sync.example.cn/ ')).toBe('https://sync.example.cn');
    expect(normalizeServerUrl('http://10.0.0.5:8787')).toBe('http://10.0.0.5:8787');
    expect(normalizeServerUrl('https://example.cn/desk-sync/')).toBe('https://example.cn/desk-sync');
  });

  it('refuses other schemes, credentials, queries and non-URLs', () => {
    for (const bad of [
      'ftp://x',
      'sync.example.cn',
      'https://u:p@x.cn',
      'https://x.cn/?a=1',
      'https://x.cn/#f',
      '',
    ]) {
      expect(normalizeServerUrl(bad)).toBeNull();
    }
  });
});

describe('sending a refused intent again', () => {
  it('a claim only once nobody holds the case', () => {
    const args = { caseId: 'c1', expectedAssignee: null };
    expect(retryIntent('claimCase.v1', args, 'ALREADY_CLAIMED', { assigneeId: 'u-li' })).toBeNull();
    expect(retryIntent('claimCase.v1', args, 'ALREADY_CLAIMED', { assigneeId: null })).toEqual({
      name: 'claimCase.v1',
      args,
    });
  });

  it('a stale reassignment re-based on the current holder', () => {
    const args = { caseId: 'c1', expectedAssignee: 'u-li', toUser: 'u-han', reason: '均衡工作量' };
    expect(retryIntent('reassignCase.v1', args, 'STALE_ASSIGNEE', { assigneeId: 'u-zhao' })).toEqual({
      name: 'reassignCase.v1',
      args: { ...args, expectedAssignee: 'u-zhao' },
    });
    expect(retryIntent('reassignCase.v1', args, 'FORBIDDEN', { assigneeId: 'u-zhao' })).toBeNull();
  });

  it('a correction someone else beat, each field on the server’s current version', () => {
    const args = {
      caseId: 'c1',
      fields: {
        description: { value: 'B 的更正', baseVersion: 0 },
        demand: { value: 'apology', baseVersion: 0 },
      },
    };
    // From the last pulled copy: every field takes the server's version (0 for one never edited).
    expect(
      retryIntent('editCaseFields.v1', args, 'FIELD_CONFLICT', {
        fieldVersions: { description: 1, outlet: 4 },
      }),
    ).toEqual({
      name: 'editCaseFields.v1',
      args: {
        caseId: 'c1',
        fields: {
          description: { value: 'B 的更正', baseVersion: 1 },
          demand: { value: 'apology', baseVersion: 0 },
        },
      },
    });
    // Without a pulled copy, from the refusal's list of fields that moved on.
    expect(
      retryIntent('editCaseFields.v1', args, 'FIELD_CONFLICT', {
        fields: [{ field: 'demand', serverVersion: 2 }],
      })?.args,
    ).toMatchObject({ fields: { description: { baseVersion: 0 }, demand: { baseVersion: 2 } } });
    expect(retryIntent('editCaseFields.v1', args, 'CASE_CLOSED', { fieldVersions: {} })).toBeNull();
  });

  it('never a transition, nor an intent the server does not know', () => {
    const transition = { caseId: 'c1', transition: 'accept', from: 'registered', data: {} };
    expect(
      retryIntent('transitionStatus.v1', transition, 'STALE_TRANSITION', { status: 'accepted' }),
    ).toBeNull();
    expect(retryIntent('tagCase.v1', { caseId: 'c1', tag: 'x' }, 'VERSION_NOT_SUPPORTED', {})).toBeNull();
  });

  it('has the same message keys in both languages', () => {
    expect(Object.keys(SYNC_MESSAGES.en).sort()).toEqual(Object.keys(SYNC_MESSAGES['zh-CN']).sort());
    expect(Object.keys(SYNC_UI_MESSAGES.en).sort()).toEqual(Object.keys(SYNC_UI_MESSAGES['zh-CN']).sort());
  });
});

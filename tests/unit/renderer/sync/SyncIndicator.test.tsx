// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncConflictView, SyncStatusView } from '../../../../shared/sync/view';
import type { RpcClient } from '../../../../renderer/src/rpc/client';
import { SyncIndicator } from '../../../../renderer/src/sync/SyncIndicator';
import { useSyncPanel } from '../../../../renderer/src/sync/syncPanelStore';
import { renderWithClient } from '../support/dom';

const standalone: SyncStatusView = {
  mode: 'standalone',
  serverUrl: null,
  user: null,
  pendingCount: 0,
  oldestPendingAt: null,
  lastSyncAt: null,
  openConflicts: 0,
  blockedOnUser: null,
  lastError: null,
};

const conflict: SyncConflictView = {
  id: 'k1',
  caseId: 'case-1',
  caseNo: 'SS20261129000007',
  name: 'claimCase.v1',
  args: { caseId: 'case-1', expectedAssignee: null },
  actorId: 'u-han',
  code: 'ALREADY_CLAIMED',
  serverState: { status: 'registered', assigneeId: 'u-li', version: 3 },
  detectedAt: Date.UTC(2026, 10, 29, 2, 0),
  resolvedAt: null,
  resolution: null,
  retry: 'none',
};

/** Main's side: the status, the inbox, the staff list and the push channel, kept in memory. */
function fakeMain() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const calls: [string, unknown][] = [];
  let conflicts = [conflict];
  const client: RpcClient = {
    call: (async (name: string, input: { id?: string }) => {
      calls.push([name, input]);
      if (name === 'sync.status') return standalone;
      if (name === 'sync.conflicts.list') return conflicts;
      if (name === 'reference.get')
        return { carriers: [], staff: [{ id: 'u-li', name: '李雷', roles: ['handler'], team: null }] };
      if (name === 'sync.resolveConflict') {
        conflicts = [];
        return { ...conflict, resolvedAt: 1, resolution: 'dismissed' };
      }
      throw new Error(`unexpected call ${name}`);
    }) as RpcClient['call'],
    on: ((event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    }) as RpcClient['on'],
  };
  return { client, calls, push: (event: string, payload: unknown) => listeners.get(event)?.(payload) };
}

afterEach(() => {
  cleanup();
  useSyncPanel.setState({ open: false });
});

describe('SyncIndicator', () => {
  it('follows main’s pushes: mode, unsent work with its age, conflicts; opening it lists the conflict inbox', async () => {
    const main = fakeMain();
    renderWithClient(<SyncIndicator />, main.client);
    const item = await screen.findByTestId('sync-indicator');
    expect(item.textContent).toContain('单机模式');

    act(() =>
      main.push('sync.status', {
        ...standalone,
        mode: 'offline',
        serverUrl: 'http://sync.example.cn',
        user: { id: 'u-han', name: '韩梅梅', username: 'han' },
        pendingCount: 2,
        oldestPendingAt: Date.now() - 5 * 60_000,
        openConflicts: 1,
      } satisfies SyncStatusView),
    );
    await waitFor(() => expect(item.getAttribute('data-mode')).toBe('offline'));
    expect(item.textContent).toContain('离线');
    expect(screen.getByTestId('sync-pending').textContent).toBe('2 项待上传 · 5 分钟');
    expect(screen.getByTestId('sync-conflicts').textContent).toBe('1 个冲突');
    expect(item.getAttribute('aria-label')).toBe('团队同步: 离线 · 2 项待上传 · 1 个冲突');

    fireEvent.click(item);
    const entry = await screen.findByTestId('conflict');
    expect(entry.textContent).toContain('认领案件');
    expect(entry.textContent).toContain('SS20261129000007');
    expect(entry.textContent).toContain('案件已被他人先认领');
    await waitFor(() => expect(entry.textContent).toContain('承办人：李雷'));
    expect(screen.queryByRole('button', { name: '重新提交' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '知道了' }));
    await waitFor(() =>
      expect(main.calls).toContainEqual(['sync.resolveConflict', { id: 'k1', action: 'dismiss' }]),
    );
  });
});

describe('SyncIndicator in English', () => {
  it('reads in English', async () => {
    const main = fakeMain();
    renderWithClient(<SyncIndicator />, main.client, 'en');
    const item = await screen.findByTestId('sync-indicator');
    expect(item.textContent).toContain('Standalone');
    act(() => main.push('sync.status', { ...standalone, mode: 'online', openConflicts: 1 }));
    await waitFor(() => expect(screen.getByTestId('sync-conflicts').textContent).toBe('Conflicts: 1'));
    act(() => main.push('sync.status', { ...standalone, mode: 'online', openConflicts: 3 }));
    await waitFor(() => expect(screen.getByTestId('sync-conflicts').textContent).toBe('Conflicts: 3'));
    expect(item.textContent).toContain('Up to date');
  });
});

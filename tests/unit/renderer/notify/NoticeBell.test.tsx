// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../../shared/notify/dto';
import { NoticeBell } from '../../../../renderer/src/notify/NoticeBell';
import { useNotices } from '../../../../renderer/src/notify/noticeStore';
import type { RpcClient } from '../../../../renderer/src/rpc/client';
import { useQueue } from '../../../../renderer/src/queue/queueStore';
import { renderWithClient } from '../support/dom';

/** Main's side of the two calls and the push channel, kept in memory. */
function fakeMain() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const calls: [string, unknown][] = [];
  let quiet = false;
  const client: RpcClient = {
    call: (async (name: string, input: { quiet?: boolean }) => {
      calls.push([name, input]);
      if (name === 'notify.settings') return { quiet };
      if (name === 'notify.setQuiet') return { quiet: (quiet = input.quiet!) };
      throw new Error(`unexpected call ${name}`);
    }) as RpcClient['call'],
    on: ((event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    }) as RpcClient['on'],
  };
  return { client, calls, push: (event: string, payload: unknown) => listeners.get(event)?.(payload) };
}

const notice: Notice = {
  id: 'n1',
  kind: 'escalation',
  titleKey: 'notify.escalation.title',
  bodyKey: 'escalation.evidence.sensitiveWords',
  params: { level: 2, caseNo: 'SS20261129000001', words: '媒体' },
  caseId: 'case-1',
  level: 2,
  at: 0,
};

afterEach(() => {
  cleanup();
  useNotices.setState({ notices: [], unread: 0 });
  useQueue.getState().close();
});

describe('NoticeBell', () => {
  it('without a system-notification permission shows the notice in the app, lists it and opens its case', async () => {
    const main = fakeMain();
    renderWithClient(<NoticeBell />, main.client);
    await waitFor(() => expect(main.calls).toContainEqual(['notify.settings', {}]));
    act(() => main.push('notify', notice));
    // jsdom has no Notification API: the in-app notification carries the texts.
    expect(await screen.findByText('L2 升级督办 · SS20261129000001')).toBeTruthy();
    expect(screen.getAllByText('申诉内容含敏感词：媒体').length).toBeGreaterThan(0);
    expect(useNotices.getState().unread).toBe(1);

    fireEvent.click(screen.getByTestId('notice-bell'));
    const entry = await screen.findByTestId('notice-entry');
    expect(useNotices.getState().unread).toBe(0);
    fireEvent.click(entry);
    expect(useQueue.getState().openId).toBe('case-1');
  });

  it('m toggles quiet mode through main; a native click in Electron opens the case', async () => {
    const main = fakeMain();
    renderWithClient(<NoticeBell />, main.client);
    const bell = screen.getByTestId('notice-bell');
    await waitFor(() => expect(main.calls).toContainEqual(['notify.settings', {}]));
    fireEvent.keyDown(window, { key: 'm' });
    await waitFor(() => expect(bell.getAttribute('data-quiet')).toBe('true'));
    expect(main.calls).toContainEqual(['notify.setQuiet', { quiet: true }]);
    act(() => main.push('notify.open', { caseId: 'case-9' }));
    expect(useQueue.getState().openId).toBe('case-9');
  });
});

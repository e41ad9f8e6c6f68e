// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../../shared/deadlines';
import type { Locale } from '../../../../shared/rpc/dto';
import { ClocksSection } from '../../../../renderer/src/case/ClocksSection';
import type { RpcClient } from '../../../../renderer/src/rpc/client';
import { renderWithClient } from '../support/dom';

const DAY = 86_400_000;

/** Clocks as main sends them: one running into an unpublished year, one stopped in time. */
function clocks(now: number): Clock[] {
  return [
    {
      limit: 'overall_answer',
      unit: 'calendar_days',
      startedAt: now - 10 * DAY,
      // 24:00 at the end of a Beijing day, some days from now.
      dueAt: Math.ceil((now + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000 + 20 * DAY,
      dueDate: '2027-01-04',
      pausedMs: 0,
      paused: false,
      remaining: 20,
      state: 'on_track',
      provisional: true,
      explanation: {
        en: [
          'received 2026-12-20 10:00 (+08:00)',
          '2027 is not published yet: estimated from the statutory holidays',
        ],
        zh: ['收到申诉：2026-12-20 10:00（北京时间）', '2027年节假日安排尚未公布：按法定节假日推算'],
      },
    },
    {
      limit: 'acceptance',
      unit: 'working_days',
      startedAt: now - 10 * DAY,
      dueAt: now - 5 * DAY,
      dueDate: '2026-12-25',
      pausedMs: 0,
      paused: false,
      remaining: 2,
      state: 'met',
      stoppedAt: now - 9 * DAY,
      provisional: false,
      explanation: { en: ['stopped: met'], zh: ['按期完成'] },
    },
  ];
}

function renderClocks(locale: Locale = 'zh-CN') {
  const calls: { name: string; input: unknown }[] = [];
  const client: RpcClient = {
    call: (async (name: string, input: unknown) => {
      calls.push({ name, input });
      if (name === 'cases.clocks') return clocks(Date.now());
      throw new Error(`unexpected call ${name}`);
    }) as RpcClient['call'],
    on: () => () => {},
  };
  renderWithClient(<ClocksSection caseId="c1" />, client, locale);
  return { calls };
}

const row = (limit: string) => document.querySelector(`li[data-limit="${limit}"]`) as HTMLElement;

afterEach(cleanup);

describe('ClocksSection', () => {
  it('lists each clock by name with its state, due time and countdown', async () => {
    const { calls } = renderClocks();
    await screen.findByText('30日答复时限');
    expect(calls).toEqual([{ name: 'cases.clocks', input: { id: 'c1' } }]);
    const running = within(row('overall_answer'));
    expect(running.getByText('正常')).toBeTruthy();
    expect(running.getByText(/^到期时间 \d{4}-\d{2}-\d{2} 24:00$/)).toBeTruthy();
    expect(running.getByText(/^剩余 \d+ 天$/)).toBeTruthy();
    const stopped = within(row('acceptance'));
    expect(stopped.getByText('受理时限')).toBeTruthy();
    expect(stopped.getByText('按期完成')).toBeTruthy();
    expect(stopped.getByText(/停止计时$/)).toBeTruthy();
    expect(stopped.queryByText(/^剩余/)).toBeNull();
  });

  it('marks a provisional due time, with the reason reachable from the keyboard', async () => {
    renderClocks();
    await screen.findByText('30日答复时限');
    const marker = within(row('overall_answer')).getByText('暂定');
    const tag = marker.closest('.clock-provisional') as HTMLElement;
    expect(tag.tabIndex).toBe(0);
    expect(tag.getAttribute('aria-label')).toContain('国务院尚未公布');
    fireEvent.focus(tag);
    await waitFor(() =>
      expect(screen.getByRole('tooltip').textContent).toContain('导入该年度日历后将重新计算'),
    );
    expect(within(row('acceptance')).queryByText('暂定')).toBeNull();
  });

  it('shows why a clock is due then once the button is activated', async () => {
    renderClocks();
    await screen.findByText('30日答复时限');
    const button = within(row('overall_answer')).getByRole('button', { name: '为什么是这个时间？' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('2027年节假日安排尚未公布：按法定节假日推算')).toBeNull();

    fireEvent.click(button);

    expect(button.getAttribute('aria-expanded')).toBe('true');
    const list = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['收到申诉：2026-12-20 10:00（北京时间）', '2027年节假日安排尚未公布：按法定节假日推算']);
    // Only the clock asked about opens.
    expect(screen.queryByText('按期完成', { selector: 'li' })).toBeNull();
  });

  it('speaks English when the UI does, explanation included', async () => {
    renderClocks('en');
    await screen.findByText('30-day answer');
    expect(within(row('overall_answer')).getByText('Provisional')).toBeTruthy();
    expect(within(row('overall_answer')).getByText(/^\d+ days left$/)).toBeTruthy();
    fireEvent.click(within(row('overall_answer')).getByRole('button', { name: 'Why is this due then?' }));
    expect(screen.getByText('2027 is not published yet: estimated from the statutory holidays')).toBeTruthy();
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../../shared/rpc/dto';
import { CaseSummary } from '../../../../renderer/src/case/CaseSummary';
import { useCasework } from '../../../../renderer/src/case/caseworkStore';
import type { RpcClient } from '../../../../renderer/src/rpc/client';
import { renderWithClient } from '../support/dom';

const client: RpcClient = {
  call: (async (name: string) => {
    throw new Error(`unexpected call ${name}`);
  }) as RpcClient['call'],
  on: () => () => {},
};

function detail(over: Partial<CaseDetail>): CaseDetail {
  return {
    lifecycle: {
      status: 'transferred',
      transferCount: 2,
      transferRoundsExceeded: false,
      supervised: true,
      supervisionReminders: 1,
      escalatedToSupervision: false,
      reopenCount: 0,
    },
    available: ['record_carrier_reply', 'supervise', 'withdraw'],
    ...over,
  } as CaseDetail;
}

afterEach(cleanup);

describe('CaseSummary', () => {
  it('shows the lifecycle facts', () => {
    renderWithClient(<CaseSummary detail={detail({})} />, client);
    const facts = document.querySelector('.case-facts') as HTMLElement;
    expect(within(facts).getByText('转办次数').nextSibling?.textContent).toBe('2');
    expect(within(facts).getByText('督办中')).toBeTruthy();
    expect(within(facts).getByText('已督办 1 次')).toBeTruthy();
    expect(within(facts).getByText('上报监管').nextSibling?.textContent).toBe('否');
  });

  it('offers exactly the available transitions, each opening its form', () => {
    renderWithClient(<CaseSummary detail={detail({})} />, client);
    const group = screen.getByRole('group', { name: '下一步' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['录入企业答复', '督办', '撤诉']);
    for (const b of buttons) expect((b as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(buttons[1]!);
    expect(useCasework.getState().form).toBe('supervise');
  });

  it('says so when the roles can do nothing next', () => {
    renderWithClient(<CaseSummary detail={detail({ available: [] })} />, client, 'en');
    expect(screen.getByText('Nothing your roles can do next')).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
  });
});

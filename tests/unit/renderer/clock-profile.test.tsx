// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ClocksSection } from '../../../renderer/src/case/ClocksSection';
import type { RpcClient } from '../../../renderer/src/rpc/client';
import { renderWithClient } from './support/dom';

const client: RpcClient = {
  call: (async (name: string) => {
    if (name === 'cases.clocks') return [];
    throw new Error(`unexpected call ${name}`);
  }) as RpcClient['call'],
  on: () => () => {},
};

afterEach(cleanup);

describe('the case’s clocks name the rule profile version they run under', () => {
  it.each([
    ['zh-CN', '按时限规则 current 第 2 版计算'],
    ['en', 'Computed under rule profile current version 2'],
  ] as const)('%s', async (locale, text) => {
    renderWithClient(<ClocksSection caseId="c1" profile={{ id: 'current', version: 2 }} />, client, locale);
    expect((await screen.findByTestId('clock-profile')).textContent).toBe(text);
  });
});

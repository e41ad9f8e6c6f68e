import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, type SenderFacts } from '../../../main/electron/policy';
import { gateRpcCall } from '../../../main/electron/rpc-gate';
import type { Router } from '../../../main/rpc/router';

const trusted: SenderFacts = {
  fromOurWebContents: true,
  frame: { url: APP_ENTRY_URL, isOurMainFrame: true },
};
const quiet = { warn: vi.fn(), error: vi.fn() };

function router(): Router & { dispatch: ReturnType<typeof vi.fn> } {
  return {
    dispatch: vi.fn(async (name: string, input: unknown) => ({ ok: true as const, value: { name, input } })),
  };
}

describe('the IPC gate', () => {
  it('passes a trusted call to the router unchanged', async () => {
    const r = router();
    const result = await gateRpcCall(r, trusted, false, 'cases.list', { view: 'mine' }, quiet);
    expect(result).toEqual({ ok: true, value: { name: 'cases.list', input: { view: 'mine' } } });
    expect(r.dispatch).toHaveBeenCalledWith('cases.list', { view: 'mine' });
  });

  it('refuses an untrusted sender with FORBIDDEN, logs it, and never reaches the router', async () => {
    const r = router();
    const log = { warn: vi.fn(), error: vi.fn() };
    const sender: SenderFacts = {
      fromOurWebContents: true,
      frame: { url: APP_ENTRY_URL, isOurMainFrame: false },
    };
    const result = await gateRpcCall(r, sender, false, 'cases.list', {}, log);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('FORBIDDEN');
    expect(r.dispatch).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledOnce();
  });

  it('answers SHUTTING_DOWN once shutdown began', async () => {
    const r = router();
    const result = await gateRpcCall(r, trusted, true, 'cases.list', {}, quiet);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'SHUTTING_DOWN', key: 'errors.SHUTTING_DOWN' },
    });
    expect(r.dispatch).not.toHaveBeenCalled();
  });

  it.each([42, '', 'x'.repeat(101), null, { name: 'cases.list' }])(
    'refuses the name %j before the router',
    async (name) => {
      const r = router();
      const result = await gateRpcCall(r, trusted, false, name, {}, quiet);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
      expect(r.dispatch).not.toHaveBeenCalled();
    },
  );

  it('turns a router that throws into INTERNAL instead of a rejected invoke', async () => {
    const r: Router = { dispatch: () => Promise.reject(new Error('store not started')) };
    const log = { warn: vi.fn(), error: vi.fn() };
    const result = await gateRpcCall(r, trusted, false, 'cases.list', {}, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log.error).toHaveBeenCalledOnce();
  });
});

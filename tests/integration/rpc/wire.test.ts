import { describe, expect, it } from 'vitest';
import type { CasePage } from '../../../shared/rpc/dto';
import { encodeResult } from '../../../main/rpc/wire';
import { StoreJson } from '../../../main/store/protocol';
import { validAppeal } from '../../support/appeals';
import { useTestApp, value } from '../../support/app';

const desk = useTestApp();

describe('results on the wire', () => {
  it('sends a queue page as the store worker serialised it, equal to the page itself', async () => {
    for (let i = 0; i < 3; i++)
      value(await desk.app.call('cases.register', { ...validAppeal(), waybillNo: `SF100000000000${i}` }));
    const session = await desk.app.store.call('session', 'session');
    const direct = await desk.app.store.call('queue', 'list', 'open', session.staff.id, null, 2);

    const result = await desk.app.router.dispatch('cases.list', { view: 'open', limit: 2 });
    expect(result.ok && result.value).toBeInstanceOf(StoreJson);
    const decoded = JSON.parse(encodeResult(result)) as { ok: true; value: CasePage };
    expect(decoded).toEqual({ ok: true, value: direct });
    expect(decoded.value.items).toHaveLength(2);
    expect(decoded.value.items[0]?.appellantPhone).toBe('139****5678');
    expect(decoded.value.nextCursor).not.toBeNull();
  });

  it('encodes values and refusals that are not from the worker as plain JSON', async () => {
    const count = await desk.app.router.dispatch('cases.count', { view: 'all' });
    expect(encodeResult(count)).toBe('{"ok":true,"value":{"count":0}}');
    const refused = await desk.app.router.dispatch('cases.list', { view: 'nonsense' });
    expect(JSON.parse(encodeResult(refused))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });
});

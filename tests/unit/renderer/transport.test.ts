// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { parseEventMessage, reconnectDelay } from '../../../renderer/src/rpc/eventSocket';
import { readsAnyOf } from '../../../renderer/src/rpc/liveUpdates';
import { rpcKey } from '../../../renderer/src/rpc/queries';
import { takeWebToken } from '../../../renderer/src/rpc/token';

describe('the web token', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/');
  });

  it('is taken from the link, kept for the tab and removed from the address bar', () => {
    window.history.replaceState(null, '', '/?token=abc123&view=open#queue');
    expect(takeWebToken(window.location, window.history, window.sessionStorage)).toBe('abc123');
    expect(window.location.search).toBe('?view=open');
    expect(window.location.hash).toBe('#queue');
    // A reload has no token in the URL any more, and still works.
    expect(takeWebToken(window.location, window.history, window.sessionStorage)).toBe('abc123');
  });

  it('is null when the page was opened without the printed link', () => {
    expect(takeWebToken(window.location, window.history, window.sessionStorage)).toBeNull();
  });
});

describe('live updates', () => {
  it('refetch the queries that read a changed table, and only those', () => {
    const cases = new Set(['cases']);
    expect(readsAnyOf(rpcKey('cases.list', { view: 'open', limit: 100 }), cases)).toBe(true);
    expect(readsAnyOf(rpcKey('cases.count', { view: 'all' }), cases)).toBe(true);
    expect(readsAnyOf(rpcKey('reference.get', {}), cases)).toBe(false);
    expect(readsAnyOf(['not-rpc'], cases)).toBe(false);
  });

  it('treat a query the map does not know as reading everything', () => {
    expect(readsAnyOf(['rpc', 'cases.somethingNew', {}], new Set(['anything']))).toBe(true);
  });
});

describe('the event socket', () => {
  it('backs off from half a second to ten seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(reconnectDelay)).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('accepts {event, payload} frames and drops anything else', () => {
    expect(parseEventMessage('{"event":"data.changed","payload":{"tables":["cases"]}}')).toEqual({
      event: 'data.changed',
      payload: { tables: ['cases'] },
    });
    expect(parseEventMessage('not json')).toBeNull();
    expect(parseEventMessage('{"payload":1}')).toBeNull();
    expect(parseEventMessage(new ArrayBuffer(2))).toBeNull();
  });
});

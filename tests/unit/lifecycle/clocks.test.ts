import { describe, expect, it } from 'vitest';
import { LIMIT_NAMES } from '../../../shared/domain/history';
import { LIMIT_EFFECTS, TRANSITIONS, TRANSITION_NAMES } from '../../../shared/lifecycle';

describe('limit effects under the default profile', () => {
  it('says something for every transition, only about known limits, never starting and stopping one at once', () => {
    expect(Object.keys(LIMIT_EFFECTS).sort()).toEqual([...TRANSITION_NAMES].sort());
    for (const { starts, stops, pauses } of Object.values(LIMIT_EFFECTS)) {
      for (const limit of [...starts, ...stops, ...pauses]) expect(LIMIT_NAMES).toContain(limit);
      expect(starts.filter((l) => stops.includes(l))).toEqual([]);
    }
  });

  it('pauses nothing: the 30-day answer runs through mediation (Measures Art.4)', () => {
    for (const { pauses } of Object.values(LIMIT_EFFECTS)) expect(pauses).toEqual([]);
  });

  it('starts the acceptance decision and the 30-day answer at receipt', () => {
    expect(LIMIT_EFFECTS.register.starts).toEqual(['acceptance', 'overall_answer']);
    expect(LIMIT_EFFECTS.accept.stops).toContain('acceptance');
    expect(LIMIT_EFFECTS.not_accept.stops).toEqual(expect.arrayContaining(['acceptance', 'overall_answer']));
  });

  it('runs the carrier reply limit from each transfer to the reply, and supervision leaves it alone', () => {
    expect(LIMIT_EFFECTS.transfer.starts).toContain('carrier_reply');
    expect(LIMIT_EFFECTS.rehandle.starts).toContain('carrier_reply');
    expect(LIMIT_EFFECTS.record_carrier_reply.stops).toContain('carrier_reply');
    expect(LIMIT_EFFECTS.supervise).toEqual({ starts: [], stops: [], pauses: [] });
  });

  it('runs the callback limit from the reply until the callback or mediation', () => {
    expect(LIMIT_EFFECTS.record_carrier_reply.starts).toContain('callback');
    expect(LIMIT_EFFECTS.start_callback.stops).toContain('callback');
    expect(LIMIT_EFFECTS.start_mediation.stops).toContain('callback');
  });

  it('stops every running limit when a case ends', () => {
    const running = ['acceptance', 'carrier_reply', 'mediation_feedback', 'callback', 'overall_answer'];
    for (const name of TRANSITION_NAMES) {
      if (TRANSITIONS[name].to === 'closed' || TRANSITIONS[name].to === 'withdrawn') {
        expect(LIMIT_EFFECTS[name].stops).toEqual(expect.arrayContaining(running));
      }
    }
  });

  it('leaves the carrier’s own complaint window to the prior-complaint date: no transition starts it', () => {
    for (const { starts } of Object.values(LIMIT_EFFECTS)) expect(starts).not.toContain('carrier_complaint');
  });
});

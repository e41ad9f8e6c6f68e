import { beforeAll, describe, expect, it } from 'vitest';
import { WorkCalendar, shanghaiDayNo } from '../../../main/seed/calendar';
import { generateDemoCases, type DemoCase } from '../../../main/seed/generate';
import { DEMO_PHONE_PREFIXES, demoPhone, demoStaff } from '../../../main/seed/people';
import { CARRIER_WEIGHTS, waybillFor } from '../../../main/seed/waybills';
import { Rng } from '../../../main/seed/random';
import { findCarrierSeed, CARRIERS } from '../../../shared/domain/carriers';
import { findCity } from '../../../shared/domain/cities';
import { findReason } from '../../../shared/domain/categories';
import { normaliseMainlandPhone } from '../../../shared/domain/phone';
import { findProvince, provinceOf } from '../../../shared/domain/regions';
import { isOpenStatus } from '../../../shared/domain/status';
import { SHANGHAI_OFFSET_MS, shanghaiDate } from '../../../shared/domain/time';
import { checkWaybill } from '../../../shared/domain/waybill';
import {
  checkTransition,
  registerCase,
  REGISTERED_STATE,
  type TransitionName,
} from '../../../shared/lifecycle';
import type { Role } from '../../../shared/domain/roles';

const NOW = Date.parse('2026-11-29T03:30:00Z');
const SEED = 11;
const N = 8_000;
let cases: DemoCase[];

beforeAll(() => {
  cases = [...generateDemoCases({ seed: SEED, count: N, now: NOW })];
});

const share = (pred: (c: DemoCase) => boolean, of: readonly DemoCase[] = cases) =>
  of.filter(pred).length / of.length;

describe('determinism', () => {
  it('gives identical cases for the same options, and different ones for another seed', () => {
    const again = [...generateDemoCases({ seed: SEED, count: N, now: NOW })];
    expect(again.slice(0, 500)).toEqual(cases.slice(0, 500));
    expect(again.map((c) => c.events.at(-1)!.json)).toEqual(cases.map((c) => c.events.at(-1)!.json));
    const other = [...generateDemoCases({ seed: SEED + 1, count: 50, now: NOW })];
    expect(other.map((c) => c.description)).not.toEqual(cases.slice(0, 50).map((c) => c.description));
  });

  it('changes only the ids with the id salt', () => {
    const salted = [...generateDemoCases({ seed: SEED, count: 200, now: NOW, idSalt: 5 })];
    const plain = [...generateDemoCases({ seed: SEED, count: 200, now: NOW })];
    expect(salted.map((c) => c.id)).not.toEqual(plain.map((c) => c.id));
    const strip = (c: DemoCase) => ({
      ...c,
      id: '',
      appellant: { ...c.appellant, id: '' },
      events: c.events.map((e) => e.json),
    });
    expect(salted.map(strip)).toEqual(plain.map(strip));
  });

  it('yields exactly the number asked for, in received order, with unique ids and numbers', () => {
    expect(cases).toHaveLength(N);
    for (let i = 1; i < N; i++) expect(cases[i]!.receivedAt).toBeGreaterThanOrEqual(cases[i - 1]!.receivedAt);
    expect(new Set(cases.map((c) => c.id)).size).toBe(N);
    expect(new Set(cases.map((c) => c.caseNo)).size).toBe(N);
  });
});

describe('reference data is valid', () => {
  it('every waybill passes checkWaybill for its carrier', () => {
    for (const c of cases) {
      const carrier = findCarrierSeed(c.carrierId)!;
      expect(checkWaybill(c.waybillNo, carrier), `${c.carrierId} ${c.waybillNo}`).toBeNull();
    }
    // And many more straight from the generator, international S10 numbers included.
    const rng = new Rng(5);
    for (const carrier of CARRIERS) {
      for (let i = 0; i < 2_000; i++) {
        const intl = carrier.acceptsS10 && i % 2 === 0;
        const n = waybillFor(carrier.id, rng, intl);
        expect(checkWaybill(n, carrier), `${carrier.id} ${n}`).toBeNull();
        if (intl) expect(n).toMatch(/^[A-Z]{2}\d{9}CN$/);
      }
    }
    expect(cases.some((c) => /^[A-Z]{2}\d{9}CN$/.test(c.waybillNo))).toBe(true);
  });

  it('every carrier in the weights exists', () => {
    for (const id of CARRIER_WEIGHTS.shares().keys()) expect(findCarrierSeed(id), id).toBeDefined();
  });

  it('every phone is a valid mainland mobile with the 00 demo marker, and distinct per person', () => {
    const phones = new Set<string>();
    for (const c of cases) {
      expect(normaliseMainlandPhone(c.appellant.phone), c.appellant.phone).toBe(c.appellant.phone);
      expect(c.appellant.phone).toMatch(/^1\d\d00\d{6}$/);
      phones.add(c.appellant.phone);
      for (const e of c.events) {
        const inner = (e.data.data ?? {}) as { handlerPhone?: string };
        if (inner.handlerPhone) expect(normaliseMainlandPhone(inner.handlerPhone)).toBe(inner.handlerPhone);
      }
    }
    for (const prefix of DEMO_PHONE_PREFIXES)
      expect(normaliseMainlandPhone(`${prefix}00123456`), prefix).not.toBeNull();
    const many = new Set(Array.from({ length: 50_000 }, (_, i) => demoPhone(i, SEED)));
    expect(many.size).toBe(50_000);
    // About 5 % of appeals come from someone who appealed before: same number, same name.
    const byPhone = new Map<string, string>();
    for (const c of cases) {
      const name = byPhone.get(c.appellant.phone);
      if (name !== undefined) expect(c.appellant.name).toBe(name);
      byPhone.set(c.appellant.phone, c.appellant.name);
    }
    expect(1 - phones.size / N).toBeGreaterThan(0.02);
    expect(1 - phones.size / N).toBeLessThan(0.08);
  });

  it('names look Chinese', () => {
    for (const c of cases.slice(0, 2000)) expect(c.appellant.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
  });

  it('cities belong to their province, provinces are mainland', () => {
    for (const c of cases) {
      for (const [province, city] of [
        [c.originProvince, c.originCity],
        [c.destProvince, c.destCity],
      ] as const) {
        expect(findProvince(province), province).toBeDefined();
        expect(['710000', '810000', '820000']).not.toContain(province);
        expect(findCity(city), city).toBeDefined();
        expect(provinceOf(city)).toBe(province);
      }
    }
  });

  it('categories and reasons are from the catalogue, dates are Shanghai dates', () => {
    for (const c of cases) {
      expect(findReason(c.category, c.reason), `${c.category}/${c.reason}`).toBeDefined();
      expect(c.receivedDate).toBe(shanghaiDate(c.receivedAt));
      expect(c.caseNo).toBe(`SS${c.receivedDate.replaceAll('-', '')}${c.caseNo.slice(10)}`);
      expect(c.serviceType === 'express').toBe(findCarrierSeed(c.carrierId)!.kind === 'express');
      if (c.priorComplaintMade) expect(c.priorComplaintDate! < c.receivedDate).toBe(true);
      else expect(c.priorComplaintDate).toBeNull();
      if (c.demand === 'compensation') expect(c.demandAmountFen).toBeGreaterThan(0);
      else expect(c.demandAmountFen).toBeNull();
    }
  });

  it('numbers each receipt day 1, 2, 3 … in received order', () => {
    const last = new Map<string, number>();
    for (const c of cases) {
      const n = Number(c.caseNo.slice(10));
      expect(n).toBe((last.get(c.receivedDate) ?? 0) + 1);
      last.set(c.receivedDate, n);
    }
  });
});

describe('lifecycle paths', () => {
  const roles = new Map(demoStaff(SEED).map((s) => [s.id, s.roles[0]!] as const));

  it('replays through the shared state machine with the actors’ roles and data', () => {
    for (const c of cases) {
      const [register, ...rest] = c.events;
      expect(register!.type).toBe('transition.register');
      expect(registerCase(roles.get(register!.actorId)!, register!.data).ok).toBe(true);
      expect(register!.data).toEqual({ caseNo: c.caseNo, channel: c.channel, receivedAt: c.receivedAt });
      let state = REGISTERED_STATE;
      for (const e of rest) {
        const name = e.type.slice('transition.'.length) as TransitionName;
        const role: Role | undefined = roles.get(e.actorId);
        const inner = e.data.data;
        const result = checkTransition(state, name, role!, inner);
        if (!result.ok) throw new Error(`${c.caseNo} ${name} by ${role}: ${JSON.stringify(result)}`);
        // The recorded data is exactly what the machine would record (nothing it would strip or change).
        expect(result.entry.data).toEqual(inner);
        expect(result.next).toEqual(e.after);
        const { changes: _, ...record } = e.data;
        expect(record).toEqual({ from: state.status, to: e.status, data: inner });
        // The record's changes, and only they, take the state before to the state after.
        const changes = (e.data.changes ?? {}) as Record<string, [unknown, unknown]>;
        const replayed: Record<string, unknown> = { ...state, status: e.data.to };
        for (const [key, [from, to]] of Object.entries(changes)) {
          expect(replayed[key]).toBe(from);
          replayed[key] = to;
        }
        expect(replayed).toEqual(e.after);
        expect(e.status).toBe(e.after.status);
        state = result.next;
      }
    }
  });

  it('stores each event’s data as JSON exactly', () => {
    for (const c of cases) for (const e of c.events) expect(e.json).toBe(JSON.stringify(e.data));
  });

  it('orders events in time, after receipt and not after now; the case shows the last one', () => {
    for (const c of cases) {
      let prev = c.receivedAt;
      for (const e of c.events) {
        expect(e.at).toBeGreaterThanOrEqual(prev);
        expect(e.at).toBeLessThanOrEqual(NOW);
        prev = e.at;
      }
      const last = c.events.at(-1)!;
      expect(c.status).toBe(last.status);
      expect(c.isOpen).toBe(isOpenStatus(c.status));
      expect(c.createdAt).toBe(c.events[0]!.at);
      expect(c.updatedAt).toBe(last.at);
      expect(c.version).toBe(c.events.length);
      expect(c.transferCount).toBe(last.after.transferCount);
      expect(c.supervisionReminders).toBe(c.events.filter((e) => e.type === 'transition.supervise').length);
    }
  });

  it('registers written appeals when the desk is open, calls as they end', () => {
    const calendar = new WorkCalendar();
    for (const c of cases) {
      const at = c.events[0]!.at;
      if (c.channel === 'phone_12305' || c.channel === 'hotline_12345') {
        expect(at - c.receivedAt).toBeLessThanOrEqual(12 * 60_000);
      } else if (at < NOW) {
        const minutes = Math.floor(((at + SHANGHAI_OFFSET_MS) % 86_400_000) / 60_000);
        expect(calendar.isWorkday(shanghaiDayNo(at)), c.caseNo).toBe(true);
        expect(minutes).toBeGreaterThanOrEqual(8 * 60 + 30);
        expect(minutes).toBeLessThan(18 * 60 + 30);
      }
    }
  });

  it('gives closed cases their closure record and nobody else', () => {
    for (const c of cases) {
      const close = c.events.find((e) => e.type === 'transition.close');
      if (c.status === 'closed') {
        const data = close!.data.data as {
          validAppeal: boolean;
          recoveredYuan: number;
          satisfaction: { carrier: string; administration: string };
        };
        expect(c.closedAt).toBe(close!.at);
        expect(c.validAppeal).toBe(data.validAppeal);
        expect(c.amountRecoveredFen).toBe(Math.round(data.recoveredYuan * 100));
        expect(c.satisfaction).toBe(data.satisfaction.administration);
        expect(c.carrierSatisfaction).toBe(data.satisfaction.carrier);
        if (c.validAppeal) expect(c.responsibleUnit).toBeTruthy();
      } else {
        expect(close).toBeUndefined();
        expect([
          c.closedAt,
          c.validAppeal,
          c.satisfaction,
          c.carrierSatisfaction,
          c.amountRecoveredFen,
        ]).toEqual([null, null, null, null, null]);
      }
    }
  });

  it('assigns open cases to handlers mostly, leaves some unassigned, never to others', () => {
    const open = cases.filter((c) => c.isOpen);
    expect(open.length).toBeGreaterThan(100);
    for (const c of cases) if (c.assigneeId) expect(roles.get(c.assigneeId)).toBe('handler');
    expect(share((c) => c.assigneeId !== null, open)).toBeGreaterThan(0.85);
    expect(share((c) => c.assigneeId === null, open)).toBeGreaterThan(0);
  });
});

describe('the data looks like the notices', () => {
  it('has statuses by age: old cases mostly closed, recent ones in progress, a few not accepted or withdrawn', () => {
    const old = cases.filter((c) => NOW - c.receivedAt > 90 * 86_400_000);
    const recent = cases.filter((c) => NOW - c.receivedAt < 14 * 86_400_000);
    expect(share((c) => c.status === 'closed', old)).toBeGreaterThan(0.85);
    expect(share((c) => c.isOpen, old)).toBeLessThan(0.01);
    expect(share((c) => c.isOpen, recent)).toBeGreaterThan(0.4);
    const recentStatuses = new Set(recent.map((c) => c.status));
    for (const s of ['registered', 'accepted', 'transferred', 'carrier_replied', 'callback'])
      expect(recentStatuses).toContain(s);
    expect(share((c) => c.status === 'not_accepted')).toBeGreaterThan(0.02);
    expect(share((c) => c.status === 'not_accepted')).toBeLessThan(0.08);
    expect(share((c) => c.status === 'withdrawn')).toBeGreaterThan(0.01);
    expect(share((c) => c.status === 'withdrawn')).toBeLessThan(0.05);
  });

  it('has the express problem shares of the notices and a valid-appeal rate of 8–17 %', () => {
    const express = cases.filter((c) => c.serviceType === 'express');
    const of = (cat: string) => share((c) => c.category === cat, express);
    expect(of('loss')).toBeGreaterThan(0.22);
    expect(of('loss')).toBeLessThan(0.36);
    expect(of('delivery')).toBeGreaterThan(0.22);
    expect(of('delivery')).toBeLessThan(0.43);
    expect(of('damage')).toBeGreaterThan(0.15);
    expect(of('damage')).toBeLessThan(0.24);
    expect(of('delay')).toBeGreaterThan(0.14);
    expect(of('delay')).toBeLessThan(0.25);
    const closed = cases.filter((c) => c.status === 'closed');
    expect(share((c) => c.validAppeal === true, closed)).toBeGreaterThan(0.08);
    expect(share((c) => c.validAppeal === true, closed)).toBeLessThan(0.17);
    expect(share((c) => c.serviceType !== 'express')).toBeLessThan(0.07);
  });

  it('has the franchise networks ahead, 12305 calls dominant, Guangdong and Zhejiang the busiest origins', () => {
    const byCarrier = (id: string) => share((c) => c.carrierId === id);
    expect(byCarrier('zto')).toBeGreaterThan(byCarrier('sf'));
    expect(byCarrier('zto')).toBeGreaterThan(byCarrier('jd'));
    expect(share((c) => c.channel === 'phone_12305')).toBeGreaterThan(0.5);
    expect(share((c) => c.channel === 'letter' || c.channel === 'fax')).toBeGreaterThan(0.005);
    expect(share((c) => c.originProvince === '440000' || c.originProvince === '330000')).toBeGreaterThan(0.3);
  });

  it('writes descriptions varied enough for substring search to discriminate', () => {
    expect(new Set(cases.map((c) => c.description)).size).toBeGreaterThan(N * 0.99);
    for (const term of ['签收', '驿站', '赔偿', '破损', '转运中心']) {
      const hits = share((c) => c.description.includes(term));
      expect(hits, term).toBeGreaterThan(0.005);
      expect(hits, term).toBeLessThan(0.6);
    }
    for (const c of cases.slice(0, 500)) {
      expect(c.description.length).toBeGreaterThan(30);
      expect(c.description.length).toBeLessThan(400);
    }
  });
});

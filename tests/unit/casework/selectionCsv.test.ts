import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, neutralise, selectionCsv } from '../../../renderer/src/case/selectionCsv';
import type { CaseListItem } from '../../../shared/rpc/dto';

const row: CaseListItem = {
  id: 'c1',
  caseNo: 'SS20261129000001',
  status: 'registered',
  channel: 'phone_12305',
  receivedAt: 1_764_000_000_000,
  appellantName: '=HYPERLINK("http://x","周*")',
  appellantPhone: '139****2222',
  carrierId: 'sf',
  waybillNo: '+SF5555555555555',
  category: 'loss',
  reason: 'compensation_amount',
  assigneeId: null,
  priority: 0,
};

describe('selection CSV export', () => {
  it('neutralises formula-looking cells and round-trips through a CSV parser', () => {
    const csv = selectionCsv([row], (c) => c);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim()).data;
    expect(parsed[0]).toEqual([...CSV_COLUMNS]);
    const values = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, parsed[1]![i]]));
    expect(values.appellantName).toBe(`'=HYPERLINK("http://x","周*")`);
    expect(values.waybillNo).toBe("'+SF5555555555555");
    expect(values.appellantPhone).toBe('139****2222');
    expect(values.assigneeId).toBe('');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('prefixes %j', (v) => {
    expect(neutralise(v)).toBe(`'${v}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutralise('快件丢失 = 不满意')).toBe('快件丢失 = 不满意');
  });
});

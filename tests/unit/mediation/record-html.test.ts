import { describe, expect, it } from 'vitest';
import type { MediationDocument } from '../../../shared/mediation/dto';
import { mediationHtml } from '../../../shared/mediation/record-html';

const doc = (over: Partial<MediationDocument> = {}): MediationDocument => ({
  caseNo: 'SS20261123000001',
  carrierName: '顺丰速运',
  outlet: '深圳南山网点',
  appellant: { name: '王小明', phone: '13912345678' },
  representatives: { appellant: null, carrier: { name: '孙经理', phone: null } },
  mediatorName: '赵调解',
  facts: '快件丢失。',
  positions: { appellant: '要求赔偿300元', carrier: '同意赔付200元' },
  sessions: [
    {
      heldAt: Date.parse('2026-11-23T10:00:00+08:00'),
      mode: 'phone',
      attendees: ['appellant', 'mediator'],
      notes: '第一次',
      recordedByName: '赵调解',
    },
  ],
  proposals: [],
  opinion: null,
  agreement: { terms: '企业于5日内赔付', amountFen: 25_050 },
  outcome: 'agreed',
  printedAt: Date.parse('2026-11-24T09:00:00+08:00'),
  ...over,
});

describe('the printable mediation record', () => {
  it('is a 调解书 once agreed, with the case number, the parties, the amount in figures and in 大写, and signature lines', () => {
    const html = mediationHtml(doc());
    expect(html).toContain('<h1>调解书</h1>');
    expect(html).toContain('案件编号：SS20261123000001');
    expect(html).toContain('王小明');
    expect(html).toContain('顺丰速运（深圳南山网点）');
    expect(html).toContain('人民币 250.50 元（大写：贰佰伍拾元零伍角整）');
    expect(html).toContain('2026-11-23 10:00');
    expect(html.match(/class="sign"/g)).toHaveLength(3);
    expect(html).toContain('打印日期：2026年11月24日');
  });

  it('is a 调解记录 without an agreed outcome, and shows no agreement then', () => {
    const html = mediationHtml(doc({ outcome: 'failed' }));
    expect(html).toContain('<h1>调解记录</h1>');
    expect(html).toContain('未能达成一致');
    expect(html).not.toContain('协议金额');
  });

  it('escapes every piece of entered text and allows no script or external resource', () => {
    const html = mediationHtml(
      doc({ facts: '<img src=x onerror=alert(1)>', appellant: { name: '"><script>', phone: null } }),
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain("default-src 'none'");
  });
});

import { shanghaiIso } from '../domain/time';
import { fenToUppercase, formatYuan } from './amount';
import type { Attendee, MediationOutcome, Proposer, SessionMode } from './codes';
import type { MediationDocument, PersonView } from './dto';

/** The printed record is a zh-CN document whatever the screen's language: it goes to the parties. */
const MODE: Record<SessionMode, string> = { phone: '电话', in_person: '现场', online: '线上' };
const ATTENDEE: Record<Attendee, string> = {
  appellant: '申请人',
  appellant_representative: '申请人代理人',
  carrier_representative: '被申请人代表',
  mediator: '调解员',
};
const PROPOSER: Record<Proposer, string> = { appellant: '申请人', carrier: '被申请人', mediator: '调解员' };
const OUTCOME: Record<MediationOutcome, string> = {
  agreed: '经调解，双方自愿达成如下协议：',
  failed: '经调解，双方未能达成一致，调解终止。申请人可依法通过诉讼或仲裁等途径解决。',
  withdrawn: '申请人撤回申诉，调解终止。',
};

const escape = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
/** Untrusted text, escaped, its line breaks kept. */
const para = (s: string) => (s.trim() ? escape(s).replaceAll('\n', '<br>') : '（无）');
const minute = (ms: number) => shanghaiIso(ms).slice(0, 16).replace('T', ' ');
const day = (ms: number) => {
  const [y, m, d] = shanghaiIso(ms).slice(0, 10).split('-');
  return `${y}年${m}月${d}日`;
};
const person = (p: PersonView | null) =>
  p ? `${escape(p.name)}${p.phone ? `\u3000联系电话：${escape(p.phone)}` : ''}` : '（无）';
const money = (fen: number) => `人民币 ${formatYuan(fen)} 元（大写：${fenToUppercase(fen)}）`;

/**
 * The mediation record as a print-styled A4 page: 调解书 once the parties agreed, 调解记录
 * otherwise. It is the one source of the PDF (main/pdf prints it); no script, no external resource.
 */
export function mediationHtml(doc: MediationDocument): string {
  const title = doc.outcome === 'agreed' ? '调解书' : '调解记录';
  const sessions = doc.sessions.length
    ? `<table><thead><tr><th>时间</th><th>方式</th><th>参加人</th><th>记录</th></tr></thead><tbody>${doc.sessions
        .map(
          (s) =>
            `<tr><td class="nowrap">${minute(s.heldAt)}</td><td class="nowrap">${MODE[s.mode]}</td><td>${s.attendees
              .map((a) => ATTENDEE[a])
              .join('、')}</td><td>${para(s.notes)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>（无）</p>';
  const proposals = doc.proposals.length
    ? `<ol>${doc.proposals
        .map(
          (p) =>
            `<li>${PROPOSER[p.by]}提出：${para(p.terms)}${p.amountFen === null ? '' : `（金额：${money(p.amountFen)}）`}</li>`,
        )
        .join('')}</ol>`
    : '<p>（无）</p>';
  const opinion = doc.opinion
    ? `<p>${para(doc.opinion.text)}</p><p class="note">出具日期：${day(doc.opinion.issuedAt)}；双方应在三个工作日内反馈意见。</p>`
    : '<p>（尚未出具）</p>';
  const result = !doc.outcome
    ? '<p>（调解进行中）</p>'
    : `<p>${OUTCOME[doc.outcome]}</p>${
        doc.outcome === 'agreed' && doc.agreement
          ? `<p>${para(doc.agreement.terms)}</p><p class="amount">协议金额：${money(doc.agreement.amountFen)}</p>`
          : ''
      }`;
  const sign = (who: string) =>
    `<div class="sign"><span>${who}：</span><span class="line"></span><span>日期：</span><span class="date">年\u3000\u3000月\u3000\u3000日</span></div>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${title} ${escape(doc.caseNo)}</title><style>
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "WenQuanYi Micro Hei", serif; font-size: 11pt; line-height: 1.7; color: #000; }
h1 { font-size: 20pt; text-align: center; letter-spacing: 0.5em; margin: 0 0 4pt; }
.caseno { text-align: right; margin: 0 0 10pt; }
h2 { font-size: 12pt; margin: 12pt 0 4pt; }
dl { display: grid; grid-template-columns: 7em 1fr; margin: 0; } dt { font-weight: bold; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; } th, td { border: 0.5pt solid #444; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #eee; } .nowrap { white-space: nowrap; } .note { color: #333; font-size: 10pt; } .amount { font-weight: bold; }
.signatures { margin-top: 24pt; break-inside: avoid; }
.sign { display: flex; align-items: baseline; gap: 4pt; margin: 14pt 0; }
.sign .line { display: inline-block; width: 16em; border-bottom: 0.5pt solid #000; }
.sign .date { letter-spacing: 0.2em; }
footer { margin-top: 16pt; font-size: 9pt; color: #444; text-align: right; }
</style></head><body>
<h1>${title}</h1>
<p class="caseno">案件编号：${escape(doc.caseNo)}</p>
<h2>当事人</h2>
<dl>
<dt>申请人</dt><dd>${person(doc.appellant)}</dd>
<dt>委托代理人</dt><dd>${person(doc.representatives.appellant)}</dd>
<dt>被申请人</dt><dd>${escape(doc.carrierName)}${doc.outlet ? `（${escape(doc.outlet)}）` : ''}</dd>
<dt>企业代表</dt><dd>${person(doc.representatives.carrier)}</dd>
<dt>调解员</dt><dd>${escape(doc.mediatorName)}</dd>
</dl>
<h2>一、基本事实</h2><p>${para(doc.facts)}</p>
<h2>二、双方意见</h2>
<dl><dt>申请人</dt><dd>${para(doc.positions.appellant)}</dd><dt>被申请人</dt><dd>${para(doc.positions.carrier)}</dd></dl>
<h2>三、调解经过</h2>${sessions}
<h2>四、调解方案</h2>${proposals}
<h2>五、调解意见</h2>${opinion}
<h2>六、调解结果</h2>${result}
<section class="signatures">
${sign('申请人（签名）')}
${sign('被申请人（盖章）')}
${sign('调解员（签名）')}
</section>
<footer>打印日期：${day(doc.printedAt)}</footer>
</body></html>`;
}

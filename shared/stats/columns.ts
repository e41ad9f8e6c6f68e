import { z } from 'zod';
import { QUEUE_VIEWS } from '../domain/views';
import { periodSchema } from './period';

/**
 * Columns a case export may contain. `personal` columns hold PIPL personal data: they leave
 * masked unless the role may export personal data and the user asked for it (audited).
 */
export const EXPORT_COLUMNS = [
  { key: 'caseNo', zh: '申诉编号', en: 'Case no.', personal: false },
  { key: 'receivedDate', zh: '受理日期', en: 'Received', personal: false },
  { key: 'status', zh: '状态', en: 'Status', personal: false },
  { key: 'channel', zh: '渠道', en: 'Channel', personal: false },
  { key: 'carrier', zh: '企业', en: 'Carrier', personal: false },
  { key: 'serviceType', zh: '业务类型', en: 'Service type', personal: false },
  { key: 'waybillNo', zh: '运单号', en: 'Waybill no.', personal: false },
  { key: 'originProvince', zh: '寄出省份', en: 'Origin province', personal: false },
  { key: 'destProvince', zh: '寄达省份', en: 'Destination province', personal: false },
  { key: 'category', zh: '申诉问题', en: 'Category', personal: false },
  { key: 'reason', zh: '二级原因', en: 'Reason', personal: false },
  { key: 'validAppeal', zh: '有效申诉', en: 'Valid appeal', personal: false },
  { key: 'satisfaction', zh: '对管理部门满意度', en: 'Satisfaction (administration)', personal: false },
  { key: 'carrierSatisfaction', zh: '对企业满意度', en: 'Satisfaction (carrier)', personal: false },
  { key: 'amountRecovered', zh: '挽回损失(元)', en: 'Recovered (yuan)', personal: false },
  { key: 'description', zh: '申诉内容', en: 'Description', personal: false },
  { key: 'appellantName', zh: '申诉人', en: 'Appellant', personal: true },
  { key: 'appellantPhone', zh: '联系电话', en: 'Phone', personal: true },
] as const;

export type ExportColumnKey = (typeof EXPORT_COLUMNS)[number]['key'];
export const EXPORT_COLUMN_KEYS = EXPORT_COLUMNS.map((c) => c.key) as [ExportColumnKey, ...ExportColumnKey[]];
export const PERSONAL_COLUMN_KEYS: readonly ExportColumnKey[] = EXPORT_COLUMNS.filter((c) => c.personal).map(
  (c) => c.key,
);

/** Which cases a case export holds: a queue view, a period's cases, or an explicit selection. */
export const caseExportSchema = z
  .object({
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('view'), view: z.enum(QUEUE_VIEWS) }).strict(),
      z.object({ kind: z.literal('period'), period: periodSchema }).strict(),
      z
        .object({ kind: z.literal('selection'), caseIds: z.array(z.string().max(64)).min(1).max(100_000) })
        .strict(),
    ]),
    format: z.enum(['xlsx', 'csv']),
    columns: z.array(z.enum(EXPORT_COLUMN_KEYS)).min(1).max(EXPORT_COLUMNS.length),
    /** The user ticked "include personal data"; honoured only for roles that may export it. */
    includePersonal: z.boolean().default(false),
  })
  .strict();

export type CaseExportRequest = z.output<typeof caseExportSchema>;
export type CaseExportInput = z.input<typeof caseExportSchema>;

/** Spreadsheet software evaluates cells starting with these as formulas (CSV/formula injection). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a quote so a cell is shown as the text it is, never run as a formula. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Roles that may export personal data unmasked (and then only when the user ticks it; recorded). */
export const PERSONAL_EXPORT_ROLES = ['team_lead', 'admin'] as const;

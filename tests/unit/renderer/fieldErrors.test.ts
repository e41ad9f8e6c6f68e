import { describe, expect, it } from 'vitest';
import { CARRIERS } from '../../../shared/domain/carriers';
import type { CarrierRef } from '../../../shared/rpc/dto';
import type { RpcError } from '../../../shared/rpc/errors';
import {
  placeProblems,
  problemsFromRpcError,
  problemsFromZodIssues,
  type Translator,
} from '../../../renderer/src/forms/fieldErrors';
import { createI18n } from '../../../renderer/src/i18n';
import { INTAKE_FIELD_PATHS, type IntakeValues } from '../../../renderer/src/intake/formValues';
import { checkIntake } from '../../../renderer/src/intake/validate';

function translatorFor(locale: 'zh-CN' | 'en'): Translator {
  const i18n = createI18n(locale);
  return { exists: (key) => i18n.exists(key), t: (key, params) => i18n.t(key, params) };
}

const FIELDS: ReadonlySet<string> = new Set(INTAKE_FIELD_PATHS);

const serverError: RpcError = {
  code: 'VALIDATION_FAILED',
  key: 'errors.VALIDATION_FAILED',
  message: '输入有误，请检查标出的字段。未保存任何内容。',
  details: {
    fields: [
      { path: 'appellant.phone', key: 'validation.phone.invalid', message: '不是有效的中国大陆电话号码' },
      {
        path: 'waybillNo',
        key: 'validation.waybill.pattern',
        params: { carrier: '顺丰速运', carrierEn: 'SF Express', example: 'SF1234567890123' },
        message: '不是顺丰速运的运单号格式（示例：SF1234567890123）',
      },
      {
        path: 'description',
        key: 'validation.tooLong',
        params: { max: 4000 },
        message: '过长：最多 4000 个字符',
      },
      { path: 'receivedAt', key: 'validation.invalid', message: '格式不正确' },
      { path: 'outlet', key: 'validation.someFutureRule', message: '服务端的新规则' },
    ],
  },
};

describe('mapping main’s field errors to the intake form', () => {
  it('puts each error under its field, translated with its parameters in the UI language', () => {
    const placed = placeProblems(problemsFromRpcError(serverError), FIELDS, translatorFor('en'));
    expect(placed.byField.get('appellant.phone')).toEqual([
      'Not a valid mainland China phone number (11-digit mobile, or a fixed line with area code)',
    ]);
    expect(placed.byField.get('waybillNo')).toEqual([
      'Not a SF Express waybill number (example: SF1234567890123)',
    ]);
    expect(placed.byField.get('description')).toEqual(['Too long: at most 4000 characters']);
  });

  it('falls back to main’s own wording for a key this build does not know', () => {
    const placed = placeProblems(problemsFromRpcError(serverError), FIELDS, translatorFor('zh-CN'));
    expect(placed.byField.get('outlet')).toEqual(['服务端的新规则']);
    expect(placed.byField.get('waybillNo')).toEqual(['不是顺丰速运的运单号格式（示例：SF1234567890123）']);
  });

  it('never drops an error whose path is not a field on the form', () => {
    const placed = placeProblems(problemsFromRpcError(serverError), FIELDS, translatorFor('zh-CN'));
    expect(placed.byField.has('receivedAt')).toBe(false);
    expect(placed.unplaced).toEqual(['receivedAt: 格式不正确']);
  });

  it('copes with an error that has no field details', () => {
    const bare: RpcError = { code: 'FORBIDDEN', key: 'errors.FORBIDDEN', message: '无权' };
    expect(problemsFromRpcError(bare)).toEqual([]);
  });
});

describe('client-side check with the shared schema', () => {
  const carriers: CarrierRef[] = CARRIERS.map((c) => ({
    id: c.id,
    nameZh: c.zh,
    nameEn: c.en,
    kind: c.kind,
    waybillPattern: c.waybillPattern,
    acceptsS10: c.acceptsS10,
    waybillExample: c.example,
  }));
  const valid: IntakeValues = {
    channel: 'phone_12305',
    appellant: { name: '王小明', phone: '138 1234 5678', role: 'recipient' },
    carrierId: 'sf',
    waybillNo: 'SF1234567890123',
    serviceType: 'express',
    originProvince: '440000',
    destProvince: '110000',
    category: 'delay',
    reason: 'transit_delay',
    description: '快件寄出十天未送达',
    demand: 'compensation',
    demandAmountYuan: null,
    priorComplaint: { made: false },
  };

  it('accepts a complete appeal', () => {
    expect(checkIntake(valid, carriers)).toEqual([]);
  });

  it('reports missing answers as required, including the unanswered yes/no', () => {
    const problems = checkIntake({ channel: 'web' }, carriers);
    const byPath = new Map(problems.map((p) => [p.path, p.key]));
    expect(byPath.get('appellant.name')).toBe('validation.required');
    expect(byPath.get('appellant.phone')).toBe('validation.required');
    expect(byPath.get('priorComplaint.made')).toBe('validation.required');
    expect(byPath.has('channel')).toBe(false);
  });

  it('checks the phone and the chosen carrier’s waybill format', () => {
    const problems = checkIntake(
      { ...valid, appellant: { ...valid.appellant, phone: '12345' }, waybillNo: 'YT1' },
      carriers,
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'appellant.phone', key: 'validation.phone.invalid' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'waybillNo',
        key: 'validation.waybill.pattern',
        params: { carrier: '顺丰速运', carrierEn: 'SF Express', example: 'SF1234567890123' },
      }),
    );
  });

  it('turns zod’s length limits into the {{max}} parameter the message needs', () => {
    const [problem] = problemsFromZodIssues([
      { code: 'too_big', path: ['description'], message: 'validation.tooLong', maximum: 4000 },
    ]);
    expect(problem).toEqual({ path: 'description', key: 'validation.tooLong', params: { max: 4000 } });
    expect(placeProblems([problem!], FIELDS, translatorFor('zh-CN')).byField.get('description')).toEqual([
      '过长：最多 4000 个字符',
    ]);
  });
});

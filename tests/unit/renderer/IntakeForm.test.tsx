// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Form } from 'antd';
import type { FormInstance } from 'antd/es/form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegisterResult, ReferenceData } from '../../../shared/rpc/dto';
import type { RpcError } from '../../../shared/rpc/errors';
import { RpcCallError, type RpcClient } from '../../../renderer/src/rpc/client';
import { IntakeForm } from '../../../renderer/src/intake/IntakeForm';
import type { IntakeValues } from '../../../renderer/src/intake/formValues';
import { renderWithClient } from './support/dom';

const reference: ReferenceData = {
  carriers: [
    {
      id: 'sf',
      nameZh: '顺丰速运',
      nameEn: 'SF Express',
      kind: 'express',
      waybillPattern: '^SF\\d{13}$',
      acceptsS10: false,
      waybillExample: 'SF1234567890123',
    },
  ],
  staff: [],
};

const complete: IntakeValues = {
  channel: 'phone_12305',
  appellant: { name: '王小明', phone: '13812345678', role: 'recipient' },
  carrierId: 'sf',
  waybillNo: 'SF1234567890123',
  serviceType: 'express',
  originProvince: '440000',
  destProvince: '110000',
  category: 'delay',
  reason: 'transit_delay',
  description: '快件寄出十天未送达',
  demand: 'compensation',
  priorComplaint: { made: false },
};

/** A client whose answers the test decides: the form under test is the real one. */
function clientAnswering(
  register: () => Promise<RegisterResult>,
  others: Record<string, () => Promise<unknown>> = {},
) {
  const calls: { name: string; input: unknown }[] = [];
  const client: RpcClient = {
    call: (async (name: string, input: unknown) => {
      calls.push({ name, input });
      if (name === 'reference.get') return reference;
      if (name === 'cases.register') return register();
      const other = others[name];
      if (other) return other();
      throw new Error(`unexpected call ${name}`);
    }) as RpcClient['call'],
    on: () => () => {},
  };
  return { client, calls };
}

/** Exposes the form instance, as the intake dialog does, so the test can fill it in one step. */
function Harness(props: {
  onForm(form: FormInstance<IntakeValues>): void;
  onRegistered(r: RegisterResult): void;
}) {
  const [form] = Form.useForm<IntakeValues>();
  props.onForm(form);
  return <IntakeForm form={form} onRegistered={props.onRegistered} onCancel={() => {}} />;
}

function renderIntake(
  register: () => Promise<RegisterResult>,
  others: Record<string, () => Promise<unknown>> = {},
) {
  const { client, calls } = clientAnswering(register, others);
  let form: FormInstance<IntakeValues> | undefined;
  const onRegistered = vi.fn();
  renderWithClient(<Harness onForm={(f) => (form = f)} onRegistered={onRegistered} />, client);
  return { calls, onRegistered, form: () => form! };
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: '登记' }));

afterEach(cleanup);

describe('IntakeForm', () => {
  it('labels every control, so it can be found by its zh-CN label', () => {
    renderIntake(() => new Promise(() => {}));
    for (const label of [
      '申诉渠道',
      '申诉人姓名',
      '联系电话',
      '申诉人身份',
      '寄递企业',
      '运单号',
      '业务类型',
      '寄出省份',
      '寄达省份',
      '营业网点',
      '问题类别',
      '二级原因',
      '申诉内容',
      '诉求',
      '诉求金额（元）',
      '已向企业投诉',
    ]) {
      expect(screen.getByLabelText(label), label).toBeTruthy();
    }
  });

  it('shows the schema’s messages under empty required fields and does not call main', async () => {
    const { calls } = renderIntake(() => new Promise(() => {}));
    submit();
    await waitFor(() =>
      expect(document.querySelector('#intake_appellant_name_help')?.textContent).toBe('必填'),
    );
    expect(document.querySelector('#intake_description_help')?.textContent).toBe('必填');
    expect(calls.some((c) => c.name === 'cases.register')).toBe(false);
  });

  it('puts main’s field errors under their fields and keeps what was typed', async () => {
    const error: RpcError = {
      code: 'VALIDATION_FAILED',
      key: 'errors.VALIDATION_FAILED',
      message: '输入有误，请检查标出的字段。未保存任何内容。',
      details: {
        fields: [
          { path: 'appellant.phone', key: 'validation.phone.invalid', message: '(server wording)' },
          {
            path: 'waybillNo',
            key: 'validation.waybill.pattern',
            params: { carrier: '顺丰速运', carrierEn: 'SF Express', example: 'SF1234567890123' },
            message: '(server wording)',
          },
          { path: 'receivedAt', key: 'validation.invalid', message: '格式不正确' },
        ],
      },
    };
    const { calls, form, onRegistered } = renderIntake(() =>
      Promise.reject(new RpcCallError('cases.register', error)),
    );
    await waitFor(() => expect(calls.some((c) => c.name === 'reference.get')).toBe(true));
    act(() => form().setFieldsValue(complete));
    submit();

    await waitFor(() =>
      expect(document.querySelector('#intake_appellant_phone_help')?.textContent).toBe(
        '不是有效的中国大陆电话号码（手机号 11 位，固话需带区号）',
      ),
    );
    expect(document.querySelector('#intake_waybillNo_help')?.textContent).toBe(
      '不是顺丰速运的运单号格式（示例：SF1234567890123）',
    );
    // The summary and the error that has no field of its own are shown above the form.
    expect(screen.getByText('输入有误，请检查标出的字段。未保存任何内容。')).toBeTruthy();
    expect(screen.getByText('receivedAt: 格式不正确')).toBeTruthy();
    // Nothing typed is lost.
    expect((screen.getByLabelText('申诉人姓名') as HTMLInputElement).value).toBe('王小明');
    expect((screen.getByLabelText('申诉内容') as HTMLTextAreaElement).value).toBe('快件寄出十天未送达');
    expect(onRegistered).not.toHaveBeenCalled();

    const sent = calls.find((c) => c.name === 'cases.register')?.input as Record<string, unknown>;
    expect(sent).toMatchObject({ carrierId: 'sf', priorComplaint: { made: false } });
    expect(sent).not.toHaveProperty('outlet', '');
  });

  it('hands the registered case on and clears the draft', async () => {
    const result = {
      case: { id: 'c1', caseNo: 'SS20261129000001' },
      warnings: [],
    } as unknown as RegisterResult;
    const { calls, form, onRegistered } = renderIntake(() => Promise.resolve(result));
    await waitFor(() => expect(calls.some((c) => c.name === 'reference.get')).toBe(true));
    act(() => form().setFieldsValue(complete));
    submit();
    await waitFor(() => expect(onRegistered).toHaveBeenCalledWith(result, 0));
    expect((screen.getByLabelText('申诉人姓名') as HTMLInputElement).value).toBe('');
  });

  it('closes the draft once the appeal is saved even if a ticked duplicate cannot be linked', async () => {
    const result = {
      case: { id: 'c2', caseNo: 'SS20261129000002' },
      warnings: [],
    } as unknown as RegisterResult;
    const earlier = {
      id: 'c1',
      caseNo: 'SS20261129000001',
      receivedAt: 0,
      appellantName: '王*',
      appellantPhone: '138****5678',
      waybillNo: 'SF1234567890123',
      status: 'registered',
      matchedOn: ['waybill'],
      linked: false,
    };
    const refused: RpcError = { code: 'CONFLICT', key: 'errors.CONFLICT', message: '' };
    const { calls, form, onRegistered } = renderIntake(() => Promise.resolve(result), {
      'casework.duplicates': () => Promise.resolve([earlier]),
      'casework.link': () => Promise.reject(new RpcCallError('casework.link', refused)),
    });
    await waitFor(() => expect(calls.some((c) => c.name === 'reference.get')).toBe(true));
    act(() => form().setFieldsValue(complete));
    fireEvent.click(await screen.findByRole('checkbox', { name: /SS20261129000001/ }));
    submit();
    // Registered once, the failed link reported to the dialog, the draft cleared: a second press
    // cannot register the same appeal again.
    await waitFor(() => expect(onRegistered).toHaveBeenCalledWith(result, 1));
    expect(calls.filter((c) => c.name === 'cases.register')).toHaveLength(1);
    expect(calls.find((c) => c.name === 'casework.link')?.input).toMatchObject({
      caseId: 'c2',
      otherCaseId: 'c1',
      reason: 'waybill',
    });
    expect((screen.getByLabelText('申诉人姓名') as HTMLInputElement).value).toBe('');
  });
});

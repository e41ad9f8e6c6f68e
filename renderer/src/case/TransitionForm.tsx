import { Alert, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSITIONS, type TransitionName } from '../../../shared/lifecycle';
import type { CaseDetail, ReferenceData } from '../../../shared/rpc/dto';
import { errorText } from '../forms/errorText';
import {
  placeProblems,
  problemsFromRpcError,
  problemsFromZodIssues,
  type FieldProblem,
} from '../forms/fieldErrors';
import { carrierName } from '../format/names';
import { useLocale, useTranslator } from '../i18n/hooks';
import { RpcCallError } from '../rpc/client';
import { useRpcMutation } from '../rpc/queries';
import { useCasework } from './caseworkStore';
import { choicePrefix, fieldsOf, formPath, type FieldSpec } from './transitionFields';

/** Amounts the compensation calculator may prefill, per transition. */
const PREFILL: Partial<Record<TransitionName, string>> = {
  record_carrier_reply: 'compensationYuan',
  close: 'recoveredYuan',
};

/**
 * The form of one transition, generated from the schema main checks it with. Sends the status the
 * screen showed, so a case someone else moved meanwhile is refused with CONFLICT, not overwritten.
 */
export function TransitionForm({
  detail,
  reference,
}: {
  detail: CaseDetail;
  reference: ReferenceData | undefined;
}) {
  const name = useCasework((s) => s.form);
  const close = useCasework((s) => s.closeForm);
  if (!name || !detail.available.includes(name)) return null;
  return <OpenForm key={name} name={name} detail={detail} reference={reference} onClose={close} />;
}

function OpenForm({
  name,
  detail,
  reference,
  onClose,
}: {
  name: TransitionName;
  detail: CaseDetail;
  reference: ReferenceData | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const locale = useLocale();
  const [form] = Form.useForm();
  const schema = TRANSITIONS[name].schema;
  const fields = useMemo(() => fieldsOf(schema), [schema]);
  const paths = useMemo(() => new Set(fields.map((f) => f.path.join('.'))), [fields]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useRpcMutation('cases.transition');
  const prefillFen = useCasework((s) => s.prefillFen);
  const placed = placeProblems(problems, paths, translator);

  const initial = useMemo(() => {
    const values: Record<string, unknown> = {};
    const prefill = PREFILL[name];
    if (prefill && prefillFen !== null) values[prefill] = prefillFen / 100;
    if (name === 'transfer')
      Object.assign(values, { carrierId: detail.carrierId, outlet: detail.outlet ?? undefined });
    return values;
  }, [name, prefillFen, detail.carrierId, detail.outlet]);

  const submit = async () => {
    const values: unknown = form.getFieldsValue(true);
    const data = stripEmpty(values);
    const checked = schema.safeParse(data);
    setFailure(null);
    if (!checked.success) {
      setProblems(problemsFromZodIssues(checked.error.issues));
      return;
    }
    setProblems([]);
    try {
      await mutation.mutateAsync({
        caseId: detail.id,
        transition: name,
        data,
        expectedStatus: detail.status,
      });
      onClose();
    } catch (error) {
      if (error instanceof RpcCallError && error.error.code === 'VALIDATION_FAILED') {
        setProblems(problemsFromRpcError(error.error).map((p) => ({ ...p, path: formPath(p.path) })));
      } else if (error instanceof RpcCallError && error.error.code === 'CONFLICT') {
        const status = String(error.error.details?.currentStatus ?? '');
        setFailure(t('casework.conflict', { status: status ? t(`lifecycle.status.${status}`) : '?' }));
      } else {
        setFailure(errorText(error, translator));
      }
    }
  };

  const control = (field: FieldSpec) => {
    const key = field.path.join('.');
    if (key === 'carrierId') {
      return (
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(reference?.carriers ?? []).map((c) => ({ value: c.id, label: carrierName(c, locale) }))}
        />
      );
    }
    switch (field.kind) {
      case 'choice': {
        const prefix = choicePrefix(field.options, (k) => translator.exists(k));
        const options = field.options.map((o) => ({ value: o, label: prefix ? t(`${prefix}.${o}`) : o }));
        return options.length <= 4 ? (
          <Radio.Group options={options} />
        ) : (
          <Select options={options} allowClear />
        );
      }
      case 'yesNo':
        return (
          <Radio.Group
            options={[
              { value: true, label: t('common.yes') },
              { value: false, label: t('common.no') },
            ]}
          />
        );
      case 'yuan':
        return <InputNumber min={0} step={1} precision={2} style={{ width: 200 }} />;
      case 'longText':
        return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />;
      default:
        return <Input />;
    }
  };

  return (
    <Modal
      open
      title={t(`lifecycle.transition.${name}`)}
      okText={t('casework.submit')}
      cancelText={t('casework.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={640}
    >
      {(failure || placed.unplaced.length > 0) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="case-form-alert"
          title={failure ?? placed.unplaced.join('\n')}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={() => void submit()}
        data-transition-form={name}
      >
        {fields.map((field) => {
          const key = field.path.join('.');
          const errors = placed.byField.get(key);
          return (
            <Form.Item
              key={key}
              name={field.path}
              label={t(`casework.field.${key}`)}
              required={field.required}
              validateStatus={errors ? 'error' : undefined}
              help={errors?.join(' ')}
            >
              {control(field)}
            </Form.Item>
          );
        })}
      </Form>
    </Modal>
  );
}

/** Empty inputs are absent, not '' (optional fields), and nested groups keep their shape. */
function stripEmpty(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined || v === null || v === '') continue;
    out[k] = stripEmpty(v);
  }
  return out;
}

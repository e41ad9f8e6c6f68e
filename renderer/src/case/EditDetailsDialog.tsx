import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import type { FormInstance } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/domain/appeal';
import {
  EDITABLE_FIELDS,
  PERSONAL_FIELDS,
  type FieldEdits,
  type FieldValue,
} from '../../../shared/domain/caseEdits';
import type { CaseDetail, CarrierRef } from '../../../shared/rpc/dto';
import { errorText } from '../forms/errorText';
import { placeProblems, problemsFromRpcError } from '../forms/fieldErrors';
import { useTranslator } from '../i18n/hooks';
import { useIntakeOptions } from '../intake/options';
import { RpcCallError } from '../rpc/client';
import { useRpcMutation } from '../rpc/queries';

type Values = Record<string, FieldValue | undefined>;

const FIELD_PATHS: ReadonlySet<string> = new Set(EDITABLE_FIELDS);
const searchByLabel = { optionFilterProp: 'label' } as const;

/** What the form starts from: the case as shown; personal data starts empty (it is shown masked). */
function initialValues(detail: CaseDetail): Values {
  return {
    waybillNo: detail.waybillNo,
    serviceType: detail.serviceType,
    originProvince: detail.originProvince,
    destProvince: detail.destProvince,
    category: detail.category,
    reason: detail.reason,
    description: detail.description,
    demand: detail.demand,
    demandAmountYuan: detail.demandAmountYuan,
  };
}

/** The fields the user changed, each with the version the screen showed (what main compares against). */
export function changedFields(detail: CaseDetail, values: Values): FieldEdits {
  const start = initialValues(detail);
  const edits: FieldEdits = {};
  for (const field of EDITABLE_FIELDS) {
    const raw = values[field];
    if (raw === undefined) continue; // not on the form: unchanged (a cleared input is '' or null)
    const value = typeof raw === 'string' ? raw.trim() : (raw ?? null);
    const changed = PERSONAL_FIELDS.has(field)
      ? value !== null && value !== ''
      : value !== (start[field] ?? null);
    if (changed) edits[field] = { value, baseVersion: detail.fieldVersions[field] ?? 0 };
  }
  return edits;
}

/**
 * 更正案件信息: corrections of the descriptive fields of an open case. Only changed fields are
 * sent; main refuses the whole correction when someone else changed one of them first, and its
 * field errors land under the fields.
 */
export function EditDetailsDialog({
  detail,
  carriers,
  onClose,
}: {
  detail: CaseDetail;
  carriers: readonly CarrierRef[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const { message } = App.useApp();
  // The case as it was when the dialog opened: the edits are based on what the person saw, even if
  // the drawer behind refreshes meanwhile (a colleague's correction then refuses this one, not lost).
  const [shown] = useState(detail);
  const [form] = Form.useForm<Values>();
  const edit = useRpcMutation('cases.editFields');
  const [failure, setFailure] = useState<{ message: string; details: string[] } | null>(null);
  const category = Form.useWatch('category', form) as string | undefined;
  const options = useIntakeOptions(carriers, category ?? shown.category);

  const submit = async () => {
    setFailure(null);
    const fields = changedFields(shown, form.getFieldsValue(true));
    if (Object.keys(fields).length === 0) {
      setFailure({ message: t('validation.caseEdit.nothingToChange'), details: [] });
      return;
    }
    try {
      await edit.mutateAsync({ caseId: shown.id, fields });
    } catch (error) {
      const placed =
        error instanceof RpcCallError
          ? placeProblems(problemsFromRpcError(error.error), FIELD_PATHS, translator)
          : { byField: new Map<string, string[]>(), unplaced: [] };
      const untyped: FormInstance = form;
      untyped.setFields([...placed.byField].map(([name, errors]) => ({ name, errors })));
      setFailure({ message: errorText(error, translator), details: placed.unplaced });
      return;
    }
    void message.success(t('case.edit.saved'));
    onClose();
  };

  return (
    <Modal
      open
      width={720}
      title={t('case.edit.title')}
      okText={t('case.edit.save')}
      cancelText={t('case.edit.cancel')}
      confirmLoading={edit.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      className="case-edit-dialog"
    >
      <Typography.Paragraph type="secondary">{t('case.edit.help')}</Typography.Paragraph>
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure.message}
          description={failure.details.length > 0 && failure.details.join('; ')}
        />
      )}
      <Form
        form={form}
        name="case-edit"
        layout="vertical"
        initialValues={initialValues(shown)}
        onValuesChange={(changed: Values) => {
          if ('category' in changed) form.setFieldValue('reason', undefined);
        }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="appellantName" label={t('field.appellantName')}>
              <Input
                maxLength={LIMITS.name}
                placeholder={t('case.edit.personalPlaceholder', { current: shown.appellantName })}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="appellantPhone" label={t('field.appellantPhone')}>
              <Input placeholder={t('case.edit.personalPlaceholder', { current: shown.appellantPhone })} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="waybillNo" label={t('field.waybillNo')}>
              <Input maxLength={LIMITS.waybill} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="serviceType" label={t('field.serviceType')}>
              <Select options={options.serviceTypes} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="originProvince" label={t('field.originProvince')}>
              <Select options={options.provinces} showSearch={searchByLabel} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="destProvince" label={t('field.destProvince')}>
              <Select options={options.provinces} showSearch={searchByLabel} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="category" label={t('field.category')}>
              <Select options={options.categories} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="reason" label={t('field.reason')}>
              <Select options={options.reasons} placeholder={t('common.select')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('field.description')}>
              <Input.TextArea rows={4} count={{ show: true, max: LIMITS.description }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="demand" label={t('field.demand')}>
              <Select options={options.demands} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="demandAmountYuan" label={t('field.demandAmount')}>
              <InputNumber min={0} max={LIMITS.demandAmountYuan} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

import { Alert, Button, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import type { FormInstance, Rule } from 'antd/es/form';
import { useCallback, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, prerequisiteWarning } from '../../../shared/domain/appeal';
import { shanghaiDate } from '../../../shared/domain/time';
import type { CarrierRef, RegisterResult } from '../../../shared/rpc/dto';
import { errorText } from '../forms/errorText';
import { placeProblems, problemsFromRpcError, problemText } from '../forms/fieldErrors';
import { carrierName } from '../format/names';
import { useLocale, useTranslator } from '../i18n/hooks';
import { RpcCallError } from '../rpc/client';
import { useRpcMutation, useRpcQuery } from '../rpc/queries';
import { DuplicatePanel, type LinkChoice } from './DuplicatePanel';
import {
  INITIAL_INTAKE_VALUES,
  INTAKE_FIELD_PATHS,
  namePath,
  toRegisterInput,
  type IntakeFieldPath,
  type IntakeValues,
} from './formValues';
import { useIntakeOptions } from './options';
import { checkIntake } from './validate';

const FIELD_PATHS: ReadonlySet<string> = new Set(INTAKE_FIELD_PATHS);
const NO_CARRIERS: CarrierRef[] = [];
const searchByLabel = { optionFilterProp: 'label' } as const;

export interface IntakeFormProps {
  /** Pass one to reach the form from outside (focus on open); the draft lives in it. */
  form?: FormInstance<IntakeValues>;
  /** `unlinked`: ticked earlier appeals that could not be linked to the registered one. */
  onRegistered(result: RegisterResult, unlinked: number): void;
  onCancel(): void;
}

interface Failure {
  message: string;
  details: string[];
}

/**
 * 登记申诉: the appeal-registration form. Checks with the shared schema as the handler goes, then
 * lets main decide; main's field errors land under their fields and nothing typed is lost.
 */
export function IntakeForm({ form: external, onRegistered, onCancel }: IntakeFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const translator = useTranslator();
  const [form] = Form.useForm<IntakeValues>(external);
  const carriers = useRpcQuery('reference.get', {}).data?.carriers ?? NO_CARRIERS;
  const register = useRpcMutation('cases.register');
  // Validate on blur at first; after a submit attempt, on every change so fixed errors clear at once.
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [linkTo, setLinkTo] = useState<LinkChoice[]>([]);
  const link = useRpcMutation('casework.link');
  const waybillNo = Form.useWatch('waybillNo', form);
  const phone = Form.useWatch(['appellant', 'phone'], form);
  const prior = Form.useWatch('priorComplaint', form);
  // DOMAIN §1.1: a warning while typing, not a refusal; acceptance stays the handler's decision.
  const prerequisite =
    prior?.made === undefined
      ? null
      : prerequisiteWarning(
          { made: prior.made, date: prior.date || undefined, result: prior.result },
          shanghaiDate(Date.now()),
        );

  const carrierId = Form.useWatch('carrierId', form);
  const carrier = carriers.find((c) => c.id === carrierId);
  const category = Form.useWatch('category', form);
  const priorMade = Form.useWatch(['priorComplaint', 'made'], form);
  const options = useIntakeOptions(carriers, category);

  const rule = useCallback(
    (path: IntakeFieldPath): Rule => ({
      validator: async () => {
        const problem = checkIntake(form.getFieldsValue(true), carriers).find((p) => p.path === path);
        if (problem) throw new Error(problemText(problem, translator));
      },
    }),
    [form, carriers, translator],
  );
  const item = (path: IntakeFieldPath, label: string, required = false) => ({
    name: namePath(path),
    label,
    required,
    rules: [rule(path)],
  });

  const showServerProblems = (error: RpcCallError) => {
    const placed = placeProblems(problemsFromRpcError(error.error), FIELD_PATHS, translator);
    // Paths come from main as strings; the untyped view of the form takes them as they are.
    const untyped: FormInstance = form;
    untyped.setFields([...placed.byField].map(([path, errors]) => ({ name: namePath(path), errors })));
    setFailure({ message: errorText(error, translator), details: placed.unplaced });
    const first = INTAKE_FIELD_PATHS.find((p) => placed.byField.has(p));
    if (first) form.scrollToField(namePath(first), { focus: true, block: 'center' });
  };

  const submit = async () => {
    setSubmitted(true);
    setFailure(null);
    let result: RegisterResult;
    try {
      result = await register.mutateAsync(toRegisterInput(form.getFieldsValue(true)));
    } catch (error) {
      if (error instanceof RpcCallError && error.error.code === 'VALIDATION_FAILED')
        showServerProblems(error);
      else setFailure({ message: errorText(error, translator), details: [] });
      return;
    }
    // The appeal is saved: the draft goes whatever happens next, or a second press would register
    // it twice. Duplicates the handler ticked are linked to it (both trails record it); a link that
    // fails is reported, to be made from the case.
    let unlinked = 0;
    for (const { caseId, reason } of linkTo) {
      try {
        await link.mutateAsync({ caseId: result.case.id, otherCaseId: caseId, reason });
      } catch {
        unlinked += 1;
      }
    }
    setLinkTo([]);
    form.resetFields();
    setSubmitted(false);
    onRegistered(result, unlinked);
  };

  const submitOnCtrlEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  };

  return (
    <Form
      form={form}
      name="intake"
      layout="vertical"
      initialValues={INITIAL_INTAKE_VALUES}
      validateTrigger={submitted ? ['onChange', 'onBlur'] : 'onBlur'}
      onFinish={submit}
      onFinishFailed={({ errorFields }) => {
        setSubmitted(true);
        const first = errorFields[0];
        if (first) form.scrollToField(first.name, { focus: true, block: 'center' });
      }}
      onValuesChange={(changed: IntakeValues) => {
        if ('category' in changed) form.setFieldValue('reason', undefined);
      }}
      className="intake-form"
    >
      {failure && (
        <Alert
          type="error"
          showIcon
          className="intake-failure"
          title={failure.message || t('intake.failed')}
          description={
            failure.details.length > 0 && (
              <>
                {t('intake.unplacedErrors')}
                <ul>
                  {failure.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              </>
            )
          }
        />
      )}

      <Typography.Title level={5}>{t('intake.section.appellant')}</Typography.Title>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item {...item('channel', t('field.channel'), true)}>
            <Select options={options.channels} placeholder={t('common.select')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item {...item('appellant.name', t('field.appellantName'), true)}>
            <Input maxLength={LIMITS.name} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item {...item('appellant.phone', t('field.appellantPhone'), true)}>
            <Input inputMode="tel" autoComplete="off" placeholder={t('intake.phonePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item {...item('appellant.role', t('field.appellantRole'), true)}>
            <Select options={options.appellantRoles} placeholder={t('common.select')} />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5}>{t('intake.section.item')}</Typography.Title>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item {...item('carrierId', t('field.carrier'), true)}>
            <Select options={options.carriers} showSearch={searchByLabel} placeholder={t('common.select')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            {...item('waybillNo', t('field.waybillNo'), true)}
            extra={
              carrier
                ? t('intake.waybillExample', {
                    carrier: carrierName(carrier, locale),
                    example: carrier.waybillExample,
                  })
                : t('intake.waybillCarrierFirst')
            }
          >
            <Input maxLength={LIMITS.waybill} autoComplete="off" placeholder={carrier?.waybillExample} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...item('serviceType', t('field.serviceType'), true)}>
            <Select options={options.serviceTypes} placeholder={t('common.select')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...item('originProvince', t('field.originProvince'), true)}>
            <Select options={options.provinces} showSearch={searchByLabel} placeholder={t('common.select')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...item('destProvince', t('field.destProvince'), true)}>
            <Select options={options.provinces} showSearch={searchByLabel} placeholder={t('common.select')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...item('outlet', t('field.outlet'))}>
            <Input maxLength={LIMITS.outlet} placeholder={t('intake.outletPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>

      <DuplicatePanel waybillNo={waybillNo} phone={phone} selected={linkTo} onSelect={setLinkTo} />

      <Typography.Title level={5}>{t('intake.section.appeal')}</Typography.Title>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item {...item('category', t('field.category'), true)}>
            <Select options={options.categories} placeholder={t('common.select')} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item {...item('reason', t('field.reason'), true)} dependencies={['category']}>
            <Select
              options={options.reasons}
              disabled={!category}
              placeholder={category ? t('common.select') : t('intake.reasonCategoryFirst')}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item {...item('description', t('field.description'), true)}>
            {/* A counter, not a hard cut: text pasted past the limit stays for the user to shorten. */}
            <Input.TextArea
              rows={5}
              count={{ show: true, max: LIMITS.description }}
              placeholder={t('intake.descriptionPlaceholder')}
              onKeyDown={submitOnCtrlEnter}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...item('demand', t('field.demand'), true)}>
            <Select options={options.demands} placeholder={t('common.select')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...item('demandAmountYuan', t('field.demandAmount'))}>
            <InputNumber min={0} max={LIMITS.demandAmountYuan} precision={2} className="intake-amount" />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5}>{t('intake.section.prior')}</Typography.Title>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item {...item('priorComplaint.made', t('field.priorMade'), true)}>
            {/* A radio group is not a labelable element, so it carries its own accessible name. */}
            <Radio.Group aria-label={t('field.priorMade')}>
              <Radio value={true}>{t('common.yes')}</Radio>
              <Radio value={false}>{t('common.no')}</Radio>
            </Radio.Group>
          </Form.Item>
        </Col>
        {priorMade === true && (
          <>
            <Col span={6}>
              <Form.Item
                {...item('priorComplaint.date', t('field.priorDate'), true)}
                dependencies={[['priorComplaint', 'made']]}
              >
                <Input type="date" max={shanghaiDate(Date.now())} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item {...item('priorComplaint.result', t('field.priorResult'))}>
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={LIMITS.priorResult}
                  onKeyDown={submitOnCtrlEnter}
                />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      {prerequisite && (
        <Alert
          type="warning"
          showIcon
          data-testid="intake-prerequisite"
          title={t(`warnings.${prerequisite}`)}
        />
      )}

      <div className="intake-footer">
        <Typography.Text type="secondary">{t('intake.submitHint')}</Typography.Text>
        <Space>
          <Button onClick={onCancel}>{t('intake.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={register.isPending}>
            {t('intake.submit')}
          </Button>
        </Space>
      </div>
    </Form>
  );
}

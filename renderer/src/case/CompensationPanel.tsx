import { Alert, Button, Checkbox, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  calculateCompensation,
  ITEM_KINDS,
  LOSS_KINDS,
  ROUTES,
  type CompensationInput,
} from '../../../shared/compensation';
import type { ServiceType } from '../../../shared/domain/channel';
import { useCasework } from './caseworkStore';

interface Values {
  itemKind: CompensationInput['itemKind'];
  loss: CompensationInput['loss'];
  insured: boolean;
  gross: boolean;
  postage?: number | null;
  insuredAmount?: number | null;
  fullValue?: number | null;
  actualLoss?: number | null;
  delayDays?: number | null;
  route: CompensationInput['route'];
}

const fen = (yuan: number | null | undefined) =>
  typeof yuan === 'number' ? Math.round(yuan * 100) : undefined;
const FIELD_OF: Record<string, keyof Values> = {
  actualLossFen: 'actualLoss',
  insuredAmountFen: 'insuredAmount',
  fullValueFen: 'fullValue',
};

/**
 * The calculator of DOMAIN §4 beside the case: the amount and its basis (the article and the
 * arithmetic). "Use" hands the amount to the carrier-reply and close forms.
 */
export function CompensationPanel({ serviceType }: { serviceType: ServiceType }) {
  const { t } = useTranslation();
  const setPrefill = useCasework((s) => s.setPrefill);
  const prefillFen = useCasework((s) => s.prefillFen);
  const [values, setValues] = useState<Values>({
    itemKind:
      serviceType === 'express'
        ? 'express'
        : serviceType === 'postal_letter'
          ? 'registered_letter'
          : 'receipted_postal',
    loss: 'lost',
    insured: false,
    gross: false,
    route: 'domestic',
  });
  const result = calculateCompensation({
    itemKind: values.itemKind,
    loss: values.loss,
    insured: values.insured,
    intentOrGrossNegligence: values.gross,
    postageFen: fen(values.postage) ?? 0,
    insuredAmountFen: fen(values.insuredAmount),
    fullValueFen: fen(values.fullValue),
    actualLossFen: fen(values.actualLoss),
    delayDays: values.delayDays ?? undefined,
    route: values.route,
  });
  const money = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={t(label)}>
      <InputNumber min={0} precision={2} style={{ width: 140 }} />
    </Form.Item>
  );

  return (
    <section className="case-compensation" aria-label={t('casework.comp.title')}>
      <Typography.Title level={5}>{t('casework.comp.title')}</Typography.Title>
      <Form
        layout="inline"
        size="small"
        initialValues={values}
        onValuesChange={(_, all: Values) => setValues(all)}
        className="case-compensation-form"
      >
        <Form.Item name="itemKind" label={t('casework.comp.itemKind')}>
          <Select
            style={{ width: 140 }}
            options={ITEM_KINDS.map((k) => ({ value: k, label: t(`casework.comp.itemKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="loss" label={t('casework.comp.loss')}>
          <Select
            style={{ width: 150 }}
            options={LOSS_KINDS.map((k) => ({ value: k, label: t(`casework.comp.loss.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="insured" valuePropName="checked">
          <Checkbox>{t('casework.comp.insured')}</Checkbox>
        </Form.Item>
        <Form.Item name="gross" valuePropName="checked">
          <Checkbox>{t('casework.comp.gross')}</Checkbox>
        </Form.Item>
        {money('postage', 'casework.comp.postage')}
        {values.insured && money('insuredAmount', 'casework.comp.insuredAmount')}
        {values.insured && values.loss === 'partial' && money('fullValue', 'casework.comp.fullValue')}
        {money('actualLoss', 'casework.comp.actualLoss')}
        {values.loss === 'delay' && (
          <>
            <Form.Item name="delayDays" label={t('casework.comp.delayDays')}>
              <InputNumber min={0} precision={0} style={{ width: 90 }} />
            </Form.Item>
            <Form.Item name="route" label={t('casework.comp.route')}>
              <Select
                style={{ width: 120 }}
                options={ROUTES.map((r) => ({ value: r, label: t(`casework.comp.route.${r}`) }))}
              />
            </Form.Item>
          </>
        )}
      </Form>
      {result.ok ? (
        <Alert
          type={result.liable ? 'info' : 'warning'}
          className="case-compensation-result"
          title={t('casework.comp.result', { amount: (result.amountFen / 100).toFixed(2) })}
          description={
            <ul className="case-compensation-basis">
              {result.basis.map((line) => (
                <li key={line.key}>{t(line.key, line.params)}</li>
              ))}
            </ul>
          }
          action={
            <Space direction="vertical" align="end">
              <Button size="small" onClick={() => setPrefill(result.amountFen)}>
                {t('casework.comp.use')}
              </Button>
              {prefillFen !== null && (
                <Typography.Text type="secondary">
                  {t('casework.comp.used', { amount: (prefillFen / 100).toFixed(2) })}
                </Typography.Text>
              )}
            </Space>
          }
        />
      ) : (
        <Alert
          type="warning"
          title={t('casework.comp.missing', {
            fields: result.missing.map((m) => t(`casework.comp.${FIELD_OF[m] ?? m}`)).join('、'),
          })}
        />
      )}
    </section>
  );
}

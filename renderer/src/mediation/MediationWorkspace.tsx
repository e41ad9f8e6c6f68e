import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { yuanToFen } from '../../../shared/domain/money';
import { fenToUppercase, formatYuan } from '../../../shared/mediation/amount';
import {
  ATTENDEES,
  MEDIATION_OUTCOMES,
  OUTCOME_CLOSURE,
  PROPOSERS,
  SESSION_MODES,
  SIDES,
  type Attendee,
  type MediationOutcome,
  type Proposer,
  type SessionMode,
  type Side,
} from '../../../shared/mediation/codes';
import type { MediationView } from '../../../shared/mediation/dto';
import {
  agreementSchema,
  opinionSchema,
  outcomeSchema,
  proposalSchema,
  representativeSchema,
  reviseSchema,
  sessionSchema,
} from '../../../shared/mediation/schemas';
import type { CaseDetail } from '../../../shared/rpc/dto';
import { useCasework } from '../case/caseworkStore';
import { errorText } from '../forms/errorText';
import { carrierName } from '../format/names';
import { formatShanghaiDateTime } from '../format/time';
import { useLocale, useTranslator } from '../i18n/hooks';
import { useRpcMutation, useRpcQuery } from '../rpc/queries';
import { saveAs } from '../stats/useExportJob';
import { useMediationChange } from './useMediationChange';
import './mediation.css';

/** Blank optional inputs are absent, not empty strings or nulls: the schemas say "optional". */
const opt = <T,>(v: T | null | undefined | ''): T | undefined => (v === null || v === '' ? undefined : v);

/**
 * The drawer's way into the mediation record: shown for a case in mediation, and for any case
 * that has a record (to read and export it after the case moved on).
 */
export function MediationEntry({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const view = useRpcQuery('mediation.get', { caseId: detail.id });
  if (detail.status !== 'mediating' && !(view.data && view.data.version > 0)) return null;
  return (
    <>
      <Button type="primary" ghost onClick={() => setOpen(true)}>
        {t('mediation.open')}
      </Button>
      {open && <MediationWorkspace caseId={detail.id} onClose={() => setOpen(false)} />}
    </>
  );
}

function MediationWorkspace({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const view = useRpcQuery('mediation.get', { caseId });
  return (
    <Modal
      open
      onCancel={onClose}
      footer={null}
      width={1000}
      title={view.data ? t('mediation.title', { caseNo: view.data.caseNo }) : t('mediation.open')}
      className="mediation-workspace"
    >
      {view.isPending && <Skeleton active />}
      {view.error && <Alert type="error" showIcon title={errorText(view.error, translator)} />}
      {view.data && <Record view={view.data} onLeave={onClose} />}
    </Modal>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `mediation-${title}`;
  return (
    <section className="mediation-section" aria-labelledby={id}>
      <Typography.Title level={5} id={id}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

function Failures({ messages }: { messages: readonly string[] }) {
  return messages.length > 0 ? <Alert type="error" showIcon title={messages.join('；')} /> : null;
}

function Record({ view, onLeave }: { view: MediationView; onLeave: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const carriers = useRpcQuery('reference.get', {}).data?.carriers;
  const carrier = carrierName(
    carriers?.find((c) => c.id === view.carrierId),
    locale,
  );
  const person = (p: MediationView['appellant'] | null) =>
    p ? `${p.name}${p.phone ? ` · ${p.phone}` : ''}` : t('mediation.none');
  return (
    <div className="mediation-record">
      <Space wrap className="mediation-head">
        <Typography.Text type="secondary">
          {t('mediation.version', { version: view.version })}
        </Typography.Text>
        <ExportButton caseId={view.caseId} may={view.mayExport} />
      </Space>
      {!view.mayEdit && <Alert type="info" showIcon title={t('mediation.readOnly')} />}

      <Section title={t('mediation.parties')}>
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'a', label: t('mediation.appellant'), children: person(view.appellant) },
            {
              key: 'ar',
              label: t('mediation.representative.appellant'),
              children: person(view.representatives.appellant),
            },
            {
              key: 'c',
              label: t('mediation.carrier'),
              children: `${carrier || view.carrierId}${view.outlet ? ` · ${view.outlet}` : ''}`,
            },
            {
              key: 'cr',
              label: t('mediation.representative.carrier'),
              children: person(view.representatives.carrier),
            },
          ]}
        />
        {view.mayEdit && <RepresentativeForm view={view} />}
      </Section>

      <Section title={t('mediation.factsAndPositions')}>
        <PositionsForm view={view} />
      </Section>

      <Section title={t('mediation.sessions')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={view.sessions}
          locale={{ emptyText: t('mediation.none') }}
          columns={[
            {
              key: 'heldAt',
              title: t('mediation.session.heldAt'),
              render: (_, s) => formatShanghaiDateTime(s.heldAt),
              width: 140,
            },
            {
              key: 'mode',
              title: t('mediation.session.mode'),
              render: (_, s) => t(`mediation.session.mode.${s.mode}`),
              width: 70,
            },
            {
              key: 'attendees',
              title: t('mediation.session.attendees'),
              render: (_, s) => s.attendees.map((a) => t(`mediation.attendee.${a}`)).join('、'),
              width: 200,
            },
            {
              key: 'notes',
              title: t('mediation.session.notes'),
              render: (_, s) => <div className="mediation-text">{s.notes}</div>,
            },
          ]}
        />
        {view.mayEdit && <SessionForm view={view} />}
      </Section>

      <Section title={t('mediation.proposals')}>
        {view.proposals.length === 0 ? (
          <Typography.Text type="secondary">{t('mediation.none')}</Typography.Text>
        ) : (
          <ol className="mediation-proposals">
            {view.proposals.map((p) => (
              <li key={p.id}>
                <Typography.Text strong>{t(`mediation.proposer.${p.by}`)}：</Typography.Text>
                <span className="mediation-text">{p.terms}</span>
                {p.amountFen !== null && <span> （¥{formatYuan(p.amountFen)}）</span>}
              </li>
            ))}
          </ol>
        )}
        {view.mayEdit && <ProposalForm view={view} />}
      </Section>

      <Section title={t('mediation.opinion')}>
        {view.opinion ? (
          <>
            <div className="mediation-text" data-testid="mediation-opinion">
              {view.opinion.text}
            </div>
            <Typography.Text type="secondary">
              {t('mediation.opinion.issued', {
                date: formatShanghaiDateTime(view.opinion.issuedAt),
                name: view.opinion.issuedByName ?? '',
              })}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{t('mediation.none')}</Typography.Text>
        )}
        {view.mayEdit && <OpinionForm view={view} />}
      </Section>

      <Section title={t('mediation.agreement')}>
        {view.agreement ? (
          <div data-testid="mediation-agreement">
            <div className="mediation-text">{view.agreement.terms}</div>
            <Typography.Text strong>
              ¥{formatYuan(view.agreement.amountFen)} ·{' '}
              {t('mediation.agreement.uppercase', { text: fenToUppercase(view.agreement.amountFen) })}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('mediation.none')}</Typography.Text>
        )}
        {view.mayEdit && <AgreementForm view={view} />}
      </Section>

      <Section title={t('mediation.outcome')}>
        {view.outcome ? (
          <NextStep view={view} outcome={view.outcome.outcome} onLeave={onLeave} />
        ) : view.mayEdit ? (
          <OutcomeForm view={view} />
        ) : (
          <Typography.Text type="secondary">{t('mediation.none')}</Typography.Text>
        )}
      </Section>
    </div>
  );
}

function RepresentativeForm({ view }: { view: MediationView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ side: Side; name?: string; phone?: string }>();
  const change = useMediationChange('mediation.setRepresentative', representativeSchema, [
    'side',
    'name',
    'phone',
  ]);
  return (
    <Form
      name="mediationRepresentative"
      form={form}
      layout="inline"
      size="small"
      className="mediation-form"
      initialValues={{ side: 'carrier' }}
      onFinish={async (v) => {
        const ok = await change.submit({
          caseId: view.caseId,
          expectedVersion: view.version,
          side: v.side,
          name: v.name ?? '',
          phone: opt(v.phone?.trim()),
        });
        if (ok) form.resetFields();
      }}
    >
      <Form.Item name="side" label={t('mediation.representative.side')} {...change.item('side')}>
        <Radio.Group options={SIDES.map((s) => ({ value: s, label: t(`mediation.representative.${s}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('mediation.representative.name')} {...change.item('name')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="phone" label={t('mediation.representative.phone')} {...change.item('phone')}>
        <Input maxLength={30} />
      </Form.Item>
      <Button htmlType="submit" loading={change.pending}>
        {t('mediation.representative.save')}
      </Button>
      <Failures messages={change.failure} />
    </Form>
  );
}

function PositionsForm({ view }: { view: MediationView }) {
  const { t } = useTranslation();
  const change = useMediationChange('mediation.revise', reviseSchema, [
    'facts',
    'appellantPosition',
    'carrierPosition',
  ]);
  return (
    <Form
      name="mediationPositions"
      layout="vertical"
      size="small"
      className="mediation-form"
      disabled={!view.mayEdit}
      initialValues={{
        facts: view.facts,
        appellantPosition: view.positions.appellant,
        carrierPosition: view.positions.carrier,
      }}
      onFinish={(v: { facts?: string; appellantPosition?: string; carrierPosition?: string }) =>
        change.submit({
          caseId: view.caseId,
          expectedVersion: view.version,
          facts: v.facts ?? '',
          appellantPosition: v.appellantPosition ?? '',
          carrierPosition: v.carrierPosition ?? '',
        })
      }
    >
      <Form.Item name="facts" label={t('mediation.facts')} {...change.item('facts')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="appellantPosition"
        label={t('mediation.position.appellant')}
        {...change.item('appellantPosition')}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="carrierPosition"
        label={t('mediation.position.carrier')}
        {...change.item('carrierPosition')}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      {view.mayEdit && (
        <Button htmlType="submit" loading={change.pending}>
          {t('mediation.positions.save')}
        </Button>
      )}
      <Failures messages={change.failure} />
    </Form>
  );
}

interface SessionValues {
  heldAt?: Dayjs | null;
  mode: SessionMode;
  attendees?: Attendee[];
  notes?: string;
}

function SessionForm({ view }: { view: MediationView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SessionValues>();
  const change = useMediationChange('mediation.addSession', sessionSchema, [
    'heldAt',
    'mode',
    'attendees',
    'notes',
  ]);
  return (
    <Form
      name="mediationSession"
      form={form}
      layout="vertical"
      size="small"
      className="mediation-form"
      initialValues={{ heldAt: dayjs(), mode: 'phone', attendees: ['appellant', 'mediator'] }}
      onFinish={async (v) => {
        const ok = await change.submit({
          caseId: view.caseId,
          expectedVersion: view.version,
          heldAt: v.heldAt ? v.heldAt.valueOf() : Date.now(),
          mode: v.mode,
          attendees: v.attendees ?? [],
          notes: v.notes ?? '',
        });
        if (ok) form.resetFields();
      }}
    >
      <Space wrap align="start">
        <Form.Item name="heldAt" label={t('mediation.session.heldAt')} {...change.item('heldAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="mode" label={t('mediation.session.mode')} {...change.item('mode')}>
          <Radio.Group
            options={SESSION_MODES.map((m) => ({ value: m, label: t(`mediation.session.mode.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="attendees" label={t('mediation.session.attendees')} {...change.item('attendees')}>
          <Checkbox.Group
            options={ATTENDEES.map((a) => ({ value: a, label: t(`mediation.attendee.${a}`) }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="notes" label={t('mediation.session.notes')} {...change.item('notes')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <Button htmlType="submit" loading={change.pending}>
        {t('mediation.session.add')}
      </Button>
      <Failures messages={change.failure} />
    </Form>
  );
}

function ProposalForm({ view }: { view: MediationView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ by: Proposer; terms?: string; amountYuan?: number | null }>();
  const change = useMediationChange('mediation.addProposal', proposalSchema, ['by', 'terms', 'amountYuan']);
  return (
    <Form
      name="mediationProposal"
      form={form}
      layout="vertical"
      size="small"
      className="mediation-form"
      initialValues={{ by: 'mediator' }}
      onFinish={async (v) => {
        const ok = await change.submit({
          caseId: view.caseId,
          expectedVersion: view.version,
          by: v.by,
          terms: v.terms ?? '',
          amountYuan: opt(v.amountYuan),
        });
        if (ok) form.resetFields();
      }}
    >
      <Form.Item name="by" label={t('mediation.proposal.by')} {...change.item('by')}>
        <Radio.Group options={PROPOSERS.map((p) => ({ value: p, label: t(`mediation.proposer.${p}`) }))} />
      </Form.Item>
      <Form.Item name="terms" label={t('mediation.proposal.terms')} {...change.item('terms')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="amountYuan" label={t('mediation.proposal.amount')} {...change.item('amountYuan')}>
        <InputNumber min={0} step={0.01} precision={2} />
      </Form.Item>
      <Button htmlType="submit" loading={change.pending}>
        {t('mediation.proposal.add')}
      </Button>
      <Failures messages={change.failure} />
    </Form>
  );
}

function OpinionForm({ view }: { view: MediationView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ opinion?: string }>();
  const change = useMediationChange('mediation.issueOpinion', opinionSchema, ['opinion']);
  return (
    <Form
      name="mediationOpinion"
      form={form}
      layout="vertical"
      size="small"
      className="mediation-form"
      onFinish={async (v) => {
        const ok = await change.submit({
          caseId: view.caseId,
          expectedVersion: view.version,
          opinion: v.opinion ?? '',
        });
        if (ok) form.resetFields();
      }}
    >
      <Form.Item name="opinion" label={t('mediation.opinion.text')} {...change.item('opinion')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
      <Button htmlType="submit" loading={change.pending}>
        {t('mediation.opinion.issue')}
      </Button>
      <Failures messages={change.failure} />
    </Form>
  );
}

function AgreementForm({ view }: { view: MediationView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ terms?: string; amountYuan?: number | null }>();
  const amount = Form.useWatch('amountYuan', form);
  const change = useMediationChange('mediation.recordAgreement', agreementSchema, ['terms', 'amountYuan']);
  const uppercase =
    typeof amount === 'number' && amount >= 0 && Number.isFinite(amount)
      ? fenToUppercase(yuanToFen(amount))
      : null;
  return (
    <Form
      name="mediationAgreement"
      form={form}
      layout="vertical"
      size="small"
      className="mediation-form"
      initialValues={{
        terms: view.agreement?.terms,
        amountYuan: view.agreement ? view.agreement.amountFen / 100 : undefined,
      }}
      onFinish={(v) =>
        change.submit({
          caseId: view.caseId,
          expectedVersion: view.version,
          terms: v.terms ?? '',
          amountYuan: v.amountYuan ?? Number.NaN,
        })
      }
    >
      <Form.Item name="terms" label={t('mediation.agreement.terms')} {...change.item('terms')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="amountYuan"
        label={t('mediation.agreement.amount')}
        {...change.item('amountYuan')}
        extra={uppercase && t('mediation.agreement.uppercase', { text: uppercase })}
      >
        <InputNumber min={0} step={0.01} precision={2} />
      </Form.Item>
      <Button htmlType="submit" loading={change.pending}>
        {t('mediation.agreement.save')}
      </Button>
      <Failures messages={change.failure} />
    </Form>
  );
}

function OutcomeForm({ view }: { view: MediationView }) {
  const { t } = useTranslation();
  const change = useMediationChange('mediation.recordOutcome', outcomeSchema, ['outcome', 'note']);
  return (
    <Form
      name="mediationOutcome"
      layout="vertical"
      size="small"
      className="mediation-form"
      onFinish={(v: { outcome?: MediationOutcome; note?: string }) =>
        change.submit({
          caseId: view.caseId,
          expectedVersion: view.version,
          outcome: v.outcome as MediationOutcome,
          note: opt(v.note?.trim()),
        })
      }
    >
      <Form.Item name="outcome" label={t('mediation.outcome.choice')} {...change.item('outcome')}>
        <Radio.Group
          options={MEDIATION_OUTCOMES.map((o) => ({ value: o, label: t(`mediation.outcome.${o}`) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('mediation.outcome.note')} {...change.item('note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      <Space direction="vertical">
        <Typography.Text type="warning">{t('mediation.outcome.confirm')}</Typography.Text>
        <Button htmlType="submit" type="primary" loading={change.pending}>
          {t('mediation.outcome.record')}
        </Button>
      </Space>
      <Failures messages={change.failure} />
    </Form>
  );
}

/** The outcome, and the lifecycle step it leads to, offered with the agreed amount prefilled. */
function NextStep({
  view,
  outcome,
  onLeave,
}: {
  view: MediationView;
  outcome: MediationOutcome;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const openForm = useCasework((s) => s.openForm);
  const setPrefill = useCasework((s) => s.setPrefill);
  const closure = OUTCOME_CLOSURE[outcome];
  const action = closure.closureReason
    ? `${t(`lifecycle.transition.${closure.transition}`)}（${t(`lifecycle.closureReason.${closure.closureReason}`)}）`
    : t(`lifecycle.transition.${closure.transition}`);
  return (
    <Space direction="vertical">
      <Typography.Text strong data-testid="mediation-outcome">
        {t('mediation.outcome.recorded', {
          outcome: t(`mediation.outcome.${outcome}`),
          date: view.outcome ? formatShanghaiDateTime(view.outcome.recordedAt) : '',
        })}
      </Typography.Text>
      {view.outcome?.note && <div className="mediation-text">{view.outcome.note}</div>}
      {view.mayExport && (
        <Button
          onClick={() => {
            setPrefill(view.agreement && outcome === 'agreed' ? view.agreement.amountFen : null);
            openForm(closure.transition);
            onLeave();
          }}
        >
          {t('mediation.outcome.next', { action })}
        </Button>
      )}
    </Space>
  );
}

function ExportButton({ caseId, may }: { caseId: string; may: boolean }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const exportPdf = useRpcMutation('mediation.exportPdf');
  const [saved, setSaved] = useState<string | null>(null);
  if (!may) return null;
  return (
    <Space>
      <Button
        loading={exportPdf.isPending}
        onClick={() =>
          exportPdf.mutate(
            { caseId },
            {
              onSuccess: ({ fileName, base64 }) => {
                saveAs(fileName, [Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]);
                setSaved(fileName);
              },
            },
          )
        }
      >
        {t('mediation.export')}
      </Button>
      {saved && (
        <Typography.Text type="success">{t('mediation.exported', { fileName: saved })}</Typography.Text>
      )}
      {exportPdf.error && (
        <Typography.Text type="danger">{errorText(exportPdf.error, translator)}</Typography.Text>
      )}
    </Space>
  );
}

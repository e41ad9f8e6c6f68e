import { Alert, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_OUTCOMES, type ContactOutcome, type PiiField } from '../../../shared/casework/schemas';
import type { CaseDetail } from '../../../shared/rpc/dto';
import { errorText } from '../forms/errorText';
import { formatShanghaiDateTime } from '../format/time';
import { useTranslator } from '../i18n/hooks';
import { useRpcMutation, useRpcQuery } from '../rpc/queries';
import { useCaseCommands } from './caseCommands';

/** Assignment, the appellant's personal data (masked until revealed), notes and the contact log. */
export function CaseworkSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const view = useRpcQuery('casework.view', { caseId: detail.id });
  const commands = useCaseCommands();
  const release = useRpcMutation('casework.release');
  if (view.error) return <Alert type="error" showIcon title={errorText(view.error, translator)} />;
  if (!view.data) return null;
  const { data } = view;

  return (
    <div className="case-casework">
      <Space wrap className="case-assignee">
        <Typography.Text strong>{t('casework.assignee')}:</Typography.Text>
        <span data-testid="case-assignee">{data.assigneeName ?? t('casework.unassigned')}</span>
        <Button size="small" onClick={() => commands.claim(detail.id)}>
          {t('casework.claim')}
        </Button>
        <Button size="small" onClick={() => commands.assign(detail.id)}>
          {t('casework.assign')}
        </Button>
        {data.assigneeId && (
          <Button
            size="small"
            onClick={() => release.mutate({ caseId: detail.id })}
            loading={release.isPending}
          >
            {t('casework.release')}
          </Button>
        )}
        {data.tags.map((tag) => (
          <Tag key={tag}>{tag}</Tag>
        ))}
      </Space>
      {release.error && <Alert type="error" showIcon title={errorText(release.error, translator)} />}

      <Space direction="vertical" className="case-pii">
        <PiiValue
          caseId={detail.id}
          field="name"
          label={t('field.appellantName')}
          masked={detail.appellantName}
          may={data.mayReveal}
        />
        <PiiValue
          caseId={detail.id}
          field="phone"
          label={t('field.appellantPhone')}
          masked={detail.appellantPhone}
          may={data.mayReveal}
        />
      </Space>

      {data.links.length > 0 && (
        <div className="case-links">
          <Typography.Text strong>{t('casework.links')}: </Typography.Text>
          {data.links.map((l) => (
            <Tag key={l.caseId}>{l.caseNo}</Tag>
          ))}
        </div>
      )}

      <Typography.Title level={5}>{t('casework.notes')}</Typography.Title>
      <ul className="case-notes">
        {data.notes.map((n) => (
          <li key={n.id}>
            <Typography.Text type="secondary">
              {formatShanghaiDateTime(n.createdAt)} · {n.authorName ?? n.authorId}
            </Typography.Text>
            <div className="case-description">{n.body}</div>
          </li>
        ))}
      </ul>
      <NoteForm caseId={detail.id} />

      <Typography.Title level={5}>{t('casework.contacts')}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data.contacts}
        columns={[
          {
            title: t('casework.contact.calledAt'),
            dataIndex: 'calledAt',
            render: (v: number) => formatShanghaiDateTime(v),
          },
          {
            title: t('casework.contact.outcome'),
            dataIndex: 'outcome',
            render: (v: ContactOutcome) => t(`casework.contact.outcome.${v}`),
          },
          {
            title: t('casework.contact.next'),
            dataIndex: 'nextAttemptAt',
            render: (v: number | null) => (v ? formatShanghaiDateTime(v) : ''),
          },
          { title: t('casework.contact.note'), dataIndex: 'note' },
          { title: t('casework.contact.by'), dataIndex: 'staffName' },
        ]}
      />
      <ContactForm caseId={detail.id} />
    </div>
  );
}

/** A masked value with "显示": the clear value lives in this component's state only, never in the query cache. */
function PiiValue(props: { caseId: string; field: PiiField; label: string; masked: string; may: boolean }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const [clear, setClear] = useState<string | null>(null);
  const reveal = useRpcMutation('casework.reveal');
  return (
    <Space>
      <Typography.Text type="secondary">{props.label}:</Typography.Text>
      <span data-testid={`pii-${props.field}`}>{clear ?? props.masked}</span>
      {clear === null && (
        <Tooltip title={t('casework.reveal.hint')}>
          <Button
            size="small"
            type="link"
            disabled={!props.may}
            aria-label={t('casework.reveal.label', { field: props.label })}
            loading={reveal.isPending}
            onClick={() =>
              reveal.mutate(
                { caseId: props.caseId, field: props.field },
                { onSuccess: (r) => setClear(r.value ?? '') },
              )
            }
          >
            {t('casework.reveal')}
          </Button>
        </Tooltip>
      )}
      {reveal.error && <Typography.Text type="danger">{errorText(reveal.error, translator)}</Typography.Text>}
    </Space>
  );
}

function NoteForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const [body, setBody] = useState('');
  const add = useRpcMutation('casework.addNote');
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.TextArea
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={t('casework.note.placeholder')}
        aria-label={t('casework.note.add')}
        autoSize={{ minRows: 1, maxRows: 6 }}
        status={add.error ? 'error' : undefined}
      />
      <Button
        disabled={body.trim() === ''}
        loading={add.isPending}
        onClick={() => add.mutate({ caseId, body }, { onSuccess: () => setBody('') })}
      >
        {t('casework.note.add')}
      </Button>
      {add.error && <Typography.Text type="danger">{errorText(add.error, translator)}</Typography.Text>}
    </Space.Compact>
  );
}

interface ContactValues {
  calledAt?: { valueOf(): number };
  outcome?: ContactOutcome;
  nextAttemptAt?: { valueOf(): number } | null;
  note?: string;
}

function ContactForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const [form] = Form.useForm<ContactValues>();
  const log = useRpcMutation('casework.logContact');
  const fieldError = (name: string) =>
    log.error?.error.details?.fields?.find((f) => f.path === name)?.message ?? undefined;
  return (
    <Form
      form={form}
      layout="inline"
      size="small"
      className="case-contact-form"
      onFinish={(v) =>
        log.mutate(
          {
            caseId,
            calledAt: v.calledAt ? v.calledAt.valueOf() : Date.now(),
            outcome: v.outcome ?? 'reached',
            nextAttemptAt: v.nextAttemptAt ? v.nextAttemptAt.valueOf() : null,
            note: v.note?.trim() || null,
          },
          { onSuccess: () => form.resetFields() },
        )
      }
    >
      <Form.Item name="calledAt" label={t('casework.contact.calledAt')}>
        <DatePicker showTime />
      </Form.Item>
      <Form.Item
        name="outcome"
        label={t('casework.contact.outcome')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          style={{ width: 120 }}
          options={CONTACT_OUTCOMES.map((o) => ({ value: o, label: t(`casework.contact.outcome.${o}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="nextAttemptAt"
        label={t('casework.contact.next')}
        validateStatus={fieldError('nextAttemptAt') ? 'error' : undefined}
        help={fieldError('nextAttemptAt')}
      >
        <DatePicker showTime />
      </Form.Item>
      <Form.Item name="note" label={t('casework.contact.note')}>
        <Input maxLength={1000} />
      </Form.Item>
      <Button htmlType="submit" loading={log.isPending}>
        {t('casework.contact.add')}
      </Button>
      {log.error && !fieldError('nextAttemptAt') && (
        <Typography.Text type="danger">{errorText(log.error, translator)}</Typography.Text>
      )}
    </Form>
  );
}

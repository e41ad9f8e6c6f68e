import { Alert, Button, Empty, List, Space, Tag, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERSONAL_FIELDS, type EditableField } from '../../../shared/domain/caseEdits';
import type { SyncConflictView } from '../../../shared/sync/view';
import { editedFieldText } from '../case/eventText';
import { useLocale, useTranslator } from '../i18n/hooks';
import { formatShanghaiDateTime } from '../format/time';
import { staffName } from '../format/names';
import { openCase } from '../notify/openCase';
import { useRpcMutation, useRpcQuery } from '../rpc/queries';
import { useSyncPanel } from './syncPanelStore';

const KNOWN_INTENTS = new Set([
  'createCase.v1',
  'transitionStatus.v1',
  'claimCase.v1',
  'releaseCase.v1',
  'reassignCase.v1',
  'appendNote.v1',
  'editCaseFields.v1',
  'reviseMediation.v1',
  'escalateCase.v1',
  'acknowledgeEscalation.v1',
  'resolveEscalation.v1',
  'snoozeEscalation.v1',
]);

/**
 * What the server refused, why, and how the case stands there now. The workstation already shows
 * the server's result; the person acknowledges it, or sends the change again where that can work.
 */
export function ConflictInbox() {
  const { t, i18n } = useTranslation();
  const conflicts = useRpcQuery('sync.conflicts.list', { includeResolved: false });
  const staff = useRpcQuery('reference.get', {}).data?.staff ?? [];
  const resolve = useRpcMutation('sync.resolveConflict');
  const closePanel = useSyncPanel((s) => s.setOpen);
  const [toast, holder] = message.useMessage();
  const names = { translator: useTranslator(), locale: useLocale() };

  const intent = (c: SyncConflictView) =>
    KNOWN_INTENTS.has(c.name) ? t(`sync.intent.${c.name}`) : t('sync.intent.other', { name: c.name });
  const why = (code: string) => (i18n.exists(`sync.code.${code}`) ? t(`sync.code.${code}`) : code);
  const serverState = (s: Record<string, unknown>) => {
    const parts: string[] = [];
    if (typeof s.status === 'string') {
      parts.push(t('sync.inbox.status', { status: t(`lifecycle.status.${s.status}`) }));
    }
    if ('assigneeId' in s) {
      const id = s.assigneeId as string | null;
      parts.push(
        id ? t('sync.inbox.assignee', { name: staffName(staff, id) ?? id }) : t('sync.inbox.nobody'),
      );
    }
    return parts.join(' · ');
  };
  /** A refused correction: each field someone changed first, with both values (personal data named only). */
  const movedFields = (c: SyncConflictView): string[] => {
    const moved =
      c.code === 'FIELD_CONFLICT' && Array.isArray(c.serverState.fields) ? c.serverState.fields : [];
    const mine = ((c.args as { fields?: Record<string, { value: unknown }> }).fields ?? {}) as Record<
      string,
      { value: unknown }
    >;
    return (moved as { field: string; serverValue?: unknown }[]).map(({ field, serverValue }) => {
      const theirs = editedFieldText(field, serverValue, names);
      if (PERSONAL_FIELDS.has(field as EditableField))
        return t('sync.inbox.fieldPersonal', { label: theirs.label });
      const yours = editedFieldText(field, mine[field]?.value, names).value;
      return t('sync.inbox.field', { label: theirs.label, mine: yours, theirs: theirs.value });
    });
  };
  const act = (c: SyncConflictView, action: 'dismiss' | 'retry') =>
    resolve.mutate(
      { id: c.id, action },
      {
        onSuccess: () =>
          void toast.success(t(action === 'retry' ? 'sync.inbox.retried' : 'sync.inbox.dismissed')),
        onError: (error) => void toast.error(error.message),
      },
    );

  return (
    <section aria-labelledby="sync-inbox-title" data-testid="conflict-inbox" style={{ marginTop: 16 }}>
      {holder}
      <Typography.Title level={5} id="sync-inbox-title">
        {t('sync.inbox.title')}
      </Typography.Title>
      {conflicts.error && <Alert type="error" title={conflicts.error.message} />}
      {conflicts.data && conflicts.data.length > 0 && (
        <Typography.Paragraph type="secondary">{t('sync.inbox.help')}</Typography.Paragraph>
      )}
      <List
        loading={conflicts.isPending}
        dataSource={conflicts.data ?? []}
        locale={{ emptyText: <Empty description={t('sync.inbox.empty')} /> }}
        renderItem={(c) => (
          <List.Item
            data-testid="conflict"
            actions={[
              c.retry === 'retry' && (
                <Button key="retry" size="small" onClick={() => act(c, 'retry')} loading={resolve.isPending}>
                  {t('sync.inbox.retry')}
                </Button>
              ),
              <Button
                key="dismiss"
                size="small"
                type="primary"
                onClick={() => act(c, 'dismiss')}
                loading={resolve.isPending}
              >
                {t('sync.inbox.dismiss')}
              </Button>,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{intent(c)}</span>
                  {c.caseId && (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => {
                        closePanel(false);
                        openCase(c.caseId!);
                      }}
                    >
                      {c.caseNo ?? c.caseId}
                    </Button>
                  )}
                  <Tag color="red">{why(c.code)}</Tag>
                </Space>
              }
              description={
                <Space orientation="vertical" size={0}>
                  <span>
                    {t('sync.inbox.server')}: {serverState(c.serverState)}
                  </span>
                  {movedFields(c).map((line) => (
                    <span key={line} data-testid="conflict-field">
                      {line}
                    </span>
                  ))}
                  <span>
                    {t('sync.inbox.when')}: {formatShanghaiDateTime(c.detectedAt)}
                  </span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </section>
  );
}

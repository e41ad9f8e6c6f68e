import { Alert, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkOutcome } from '../../../shared/casework/dto';
import { errorText } from '../forms/errorText';
import { useTranslator } from '../i18n/hooks';
import { useRpcMutation, useRpcQuery } from '../rpc/queries';
import { useCasework, type AssignSource } from './caseworkStore';

/**
 * The staff picker (`a`): one case or a queue selection. One case is a compare-and-set on the
 * assignee the screen showed; a selection goes through the bulk command and lists each refusal.
 */
export function AssignDialog({
  source,
  expectedAssignee,
}: {
  source: AssignSource;
  expectedAssignee?: string | null;
}) {
  const assignFor = useCasework((s) => s.assignFor);
  const close = useCasework((s) => s.closeAssign);
  if (!assignFor || assignFor.source !== source) return null;
  return <Open caseIds={assignFor.caseIds} expectedAssignee={expectedAssignee} onClose={close} />;
}

function Open({
  caseIds,
  expectedAssignee,
  onClose,
}: {
  caseIds: string[];
  expectedAssignee: string | null | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const staff = useRpcQuery('reference.get', {}).data?.staff ?? [];
  const [toUser, setToUser] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [refused, setRefused] = useState<(BulkOutcome & { message?: string })[]>([]);
  const assign = useRpcMutation('casework.assign');
  const bulk = useRpcMutation('casework.bulk');
  const single = caseIds.length === 1 && expectedAssignee !== undefined;

  const submit = async () => {
    if (!toUser) return;
    setFailure(null);
    try {
      if (single) {
        await assign.mutateAsync({
          caseId: caseIds[0]!,
          toUser,
          expectedAssignee: expectedAssignee ?? null,
          reason: '',
        });
        onClose();
        return;
      }
      const outcomes = await bulk.mutateAsync({ action: 'assign', caseIds, toUser });
      const notApplied = outcomes.filter((o) => !o.applied);
      if (notApplied.length === 0) onClose();
      else setRefused(notApplied);
    } catch (error) {
      setFailure(errorText(error, translator));
    }
  };

  return (
    <Modal
      open
      title={t('casework.assign')}
      okText={t('casework.submit')}
      cancelText={t('casework.cancel')}
      okButtonProps={{ disabled: !toUser }}
      confirmLoading={assign.isPending || bulk.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {failure && <Alert type="error" showIcon role="alert" title={failure} />}
      <Select
        autoFocus
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%' }}
        placeholder={t('casework.assignTo')}
        aria-label={t('casework.assignTo')}
        value={toUser}
        onChange={setToUser}
        options={staff.map((s) => ({ value: s.id, label: s.name }))}
      />
      {refused.length > 0 && (
        <Table
          size="small"
          rowKey="caseId"
          pagination={false}
          dataSource={refused}
          columns={[
            { dataIndex: 'caseId', title: 'ID' },
            { dataIndex: 'message', title: t('casework.field.reason') },
          ]}
        />
      )}
    </Modal>
  );
}

import { Alert, Checkbox, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkReason } from '../../../shared/casework/schemas';
import { formatShanghaiDateTime } from '../format/time';
import { useRpcQuery } from '../rpc/queries';

/** Waits until typing pauses, so each keystroke does not become a query. */
function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export interface LinkChoice {
  caseId: string;
  reason: LinkReason;
}

/**
 * Earlier appeals with the same waybill number or appellant phone in the last 90 days, shown while
 * the handler types. Ticked ones are linked (never merged) once the new appeal is registered.
 */
export function DuplicatePanel(props: {
  waybillNo: string | undefined;
  phone: string | undefined;
  selected: LinkChoice[];
  onSelect(choices: LinkChoice[]): void;
}) {
  const { t } = useTranslation();
  const waybillNo = useSettled(props.waybillNo?.trim() ?? '');
  const phone = useSettled(props.phone?.replace(/\D/g, '') ?? '');
  const enabled = waybillNo.length >= 6 || phone.length >= 7;
  const found = useRpcQuery(
    'casework.duplicates',
    { ...(waybillNo.length >= 6 ? { waybillNo } : {}), ...(phone.length >= 7 ? { phone } : {}) },
    { enabled },
  );
  const items = enabled ? (found.data ?? []) : [];
  if (items.length === 0) return null;

  return (
    <Alert
      type="warning"
      className="intake-duplicates"
      data-testid="intake-duplicates"
      title={t('casework.dup.title')}
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item>
              <Checkbox
                checked={props.selected.some((s) => s.caseId === c.id)}
                onChange={(e) => {
                  const rest = props.selected.filter((s) => s.caseId !== c.id);
                  const reason = c.matchedOn[0] ?? 'manual';
                  props.onSelect(e.target.checked ? [...rest, { caseId: c.id, reason }] : rest);
                }}
              >
                {t('casework.dup.link')} {c.caseNo}
              </Checkbox>
              <Typography.Text type="secondary">
                {formatShanghaiDateTime(c.receivedAt)} · {c.appellantName} {c.appellantPhone} · {c.waybillNo}
              </Typography.Text>
              {c.matchedOn.map((m) => (
                <Tag key={m}>{t(`casework.dup.matched.${m}`)}</Tag>
              ))}
              <Tag>{t(`lifecycle.status.${c.status}`)}</Tag>
            </List.Item>
          )}
        />
      }
    />
  );
}

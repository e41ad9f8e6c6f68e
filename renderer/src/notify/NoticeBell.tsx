import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, message, notification, Popover, Switch, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../rpc/connection';
import { rpcKey, useRpcMutation, useRpcQuery } from '../rpc/queries';
import { hasCommandModifier, isTypingTarget, useKeydown, useOverlayOpen } from '../shell/keyboard';
import { useNotices } from './noticeStore';
import { openCase } from './openCase';
import { useNoticeFeed } from './useNoticeFeed';

/** The header bell: recent notices, quiet mode (also on `m`), and the browser's permission prompt. */
export function NoticeBell() {
  const { t } = useTranslation();
  const [api, holder] = notification.useNotification({ placement: 'bottomRight' });
  const [toast, toastHolder] = message.useMessage();
  useNoticeFeed(api);
  const { notices, unread, markRead } = useNotices();
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const settings = useRpcQuery('notify.settings', {});
  const setQuiet = useRpcMutation('notify.setQuiet');
  const quiet = settings.data?.quiet ?? false;
  const overlayOpen = useOverlayOpen();
  const web = useConnection((s) => s.host) === 'web';
  const [permission, setPermission] = useState(() =>
    typeof Notification === 'undefined' ? 'denied' : Notification.permission,
  );

  const toggleQuiet = (next: boolean) =>
    setQuiet.mutate(
      { quiet: next },
      {
        onSuccess: (saved) => {
          queryClient.setQueryData(rpcKey('notify.settings', {}), saved);
          void toast.info(t(saved.quiet ? 'notify.quietOn' : 'notify.quietOff'));
        },
      },
    );

  useKeydown((e) => {
    if (e.key !== 'm' || hasCommandModifier(e) || isTypingTarget(e.target) || overlayOpen) return;
    e.preventDefault();
    toggleQuiet(!quiet);
  });

  const panel = (
    <div data-testid="notice-panel" style={{ width: 340, maxHeight: 420, overflowY: 'auto' }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <Switch
          size="small"
          checked={quiet}
          loading={settings.isPending || setQuiet.isPending}
          onChange={toggleQuiet}
          aria-label={t('notify.quiet')}
        />
        <Tooltip title={t('notify.quietHint')}>
          <span>{t('notify.quiet')}</span>
        </Tooltip>
      </div>
      {web && permission === 'default' && (
        <Button size="small" onClick={() => void Notification.requestPermission().then(setPermission)}>
          {t('notify.allowDesktop')}
        </Button>
      )}
      <List
        size="small"
        dataSource={notices}
        locale={{ emptyText: t('notify.empty') }}
        renderItem={(n) => (
          <List.Item
            data-testid="notice-entry"
            style={{ cursor: 'pointer' }}
            onClick={() => {
              setOpen(false);
              openCase(n.caseId);
            }}
          >
            <List.Item.Meta
              title={t(n.titleKey, n.params)}
              description={<Typography.Text type="secondary">{t(n.bodyKey, n.params)}</Typography.Text>}
            />
          </List.Item>
        )}
      />
    </div>
  );

  return (
    <>
      {holder}
      {toastHolder}
      <Popover
        content={panel}
        trigger="click"
        placement="bottomRight"
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) markRead();
        }}
      >
        <Button
          type="text"
          className="header-item"
          aria-label={t('notify.bell')}
          data-testid="notice-bell"
          data-quiet={quiet}
          icon={
            <Badge count={unread} size="small">
              <BellOutlined style={quiet ? { opacity: 0.45 } : undefined} />
            </Badge>
          }
        />
      </Popover>
    </>
  );
}

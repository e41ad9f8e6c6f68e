import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Input, Tag, Typography, type InputRef } from 'antd';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface QueueToolbarProps {
  searchRef: Ref<InputRef>;
  onRegister(): void;
}

export function QueueToolbar({ searchRef, onRegister }: QueueToolbarProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <div className="queue-toolbar">
      <Typography.Title level={4} className="queue-title">
        {t('queue.title')}
      </Typography.Title>
      <Input
        ref={searchRef}
        className="queue-search"
        aria-label={t('queue.search.label')}
        placeholder={t('queue.search.placeholder')}
        prefix={<SearchOutlined />}
        suffix={<Tag className="soon-tag">{t('queue.search.soon')}</Tag>}
        onPressEnter={() => void message.info(t('queue.search.comingSoon'))}
        onKeyDown={(e) => {
          // Esc hands the keyboard back to the queue.
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
      />
      <div className="queue-toolbar-end">
        <Typography.Text type="secondary" className="shortcut-hint">
          {t('queue.shortcutsHint')}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={onRegister} aria-keyshortcuts="n">
          {t('queue.register')}
          <kbd className="kbd-hint" aria-hidden>
            N
          </kbd>
        </Button>
      </div>
    </div>
  );
}

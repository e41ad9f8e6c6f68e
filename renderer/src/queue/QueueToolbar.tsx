import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Typography, type InputRef } from 'antd';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnChooser } from './ColumnChooser';
import { useQueue } from './queueStore';

export interface QueueToolbarProps {
  searchRef: Ref<InputRef>;
  onRegister(): void;
}

/**
 * The one search box: Enter searches (the store decides whether the text is a case number, a
 * waybill or phone number, or words) and hands the keyboard to the results; Esc clears it and
 * hands the keyboard back to the queue.
 */
export function QueueToolbar({ searchRef, onRegister }: QueueToolbarProps) {
  const { t } = useTranslation();
  const setSearch = useQueue((s) => s.setSearch);
  const [text, setText] = useState('');
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
        suffix={<kbd className="kbd-hint">/</kbd>}
        value={text}
        maxLength={100}
        allowClear
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value === '') setSearch(null);
        }}
        onPressEnter={(e) => {
          setSearch(text.trim() === '' ? null : text.trim());
          // The results take the keyboard (↓ and Enter); `/` comes back here to refine.
          if (text.trim() !== '') e.currentTarget.blur();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setText('');
            setSearch(null);
            e.currentTarget.blur();
          }
        }}
      />
      <div className="queue-toolbar-end">
        <Typography.Text type="secondary" className="shortcut-hint">
          {t('queue.shortcutsHint')}
        </Typography.Text>
        <ColumnChooser />
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

import { TableOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useColumnPrefs } from './columnPrefs';
import { columnKey, useQueueColumns } from './columns';

/** Which columns the queue shows; widths are set by dragging the header edges. */
export function ColumnChooser() {
  const { t } = useTranslation();
  const columns = useQueueColumns();
  const { prefs, set } = useColumnPrefs();
  const hidden = new Set(prefs.hidden);
  const content = (
    <Space orientation="vertical" data-testid="column-chooser">
      {columns.map((c) => {
        const id = columnKey(c);
        return (
          <Checkbox
            key={id}
            checked={!hidden.has(id)}
            onChange={(e) =>
              set({
                ...prefs,
                hidden: e.target.checked ? prefs.hidden.filter((h) => h !== id) : [...prefs.hidden, id],
              })
            }
          >
            {typeof c.header === 'string' ? c.header : id}
          </Checkbox>
        );
      })}
      <Button size="small" onClick={() => set({ order: [], hidden: [], widths: {} })}>
        {t('queue.columns.reset')}
      </Button>
    </Space>
  );
  return (
    <Popover trigger="click" title={t('queue.columns.title')} content={content} placement="bottomRight">
      <Button icon={<TableOutlined />}>{t('queue.columns')}</Button>
    </Popover>
  );
}

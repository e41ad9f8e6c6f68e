import { ToolOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShell, type Section } from './shellStore';

/** A tidy placeholder for the screens of later issues, saying what each will do. */
export function NotBuiltYet({ section }: { section: Exclude<Section, 'queue'> }) {
  const { t } = useTranslation();
  const go = useShell((s) => s.go);
  return (
    <Result
      className="not-built"
      icon={<ToolOutlined />}
      title={`${t(`nav.${section}`)} · ${t('notBuilt.title')}`}
      subTitle={t(`notBuilt.${section}`)}
      extra={<Button onClick={() => go('queue')}>{t('notBuilt.back')}</Button>}
    />
  );
}

import { DatabaseOutlined, FormOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Result, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../forms/errorText';
import { formatCount } from '../format/numbers';
import { useLocale, useTranslator } from '../i18n/hooks';
import { invalidateTables } from '../rpc/liveUpdates';
import { useRpcMutation } from '../rpc/queries';

const DEMO_CASES = 5000;

/** First start: offer a demo store to learn on, or go straight to registering. */
export function EmptyStore({ onRegister }: { onRegister(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const translator = useTranslator();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const load = useRpcMutation('demo.load');

  const loadDemo = () =>
    load.mutate(
      { cases: DEMO_CASES },
      {
        onSuccess: ({ written }) => {
          void message.success(t('demo.loaded', { n: formatCount(written, locale) }));
          // main also announces the change; refetching now saves waiting for the event.
          void invalidateTables(queryClient, new Set(['cases']));
        },
        onError: (error) => void message.error(`${t('demo.failed')}: ${errorText(error, translator)}`),
      },
    );

  return (
    <Spin spinning={load.isPending} description={t('demo.loading')} size="large">
      <Result
        className="empty-store"
        icon={<DatabaseOutlined />}
        title={t('demo.title')}
        subTitle={t('demo.body')}
        extra={
          <Space>
            <Button type="primary" icon={<DatabaseOutlined />} loading={load.isPending} onClick={loadDemo}>
              {t('demo.load', { n: formatCount(DEMO_CASES, locale) })}
            </Button>
            <Button icon={<FormOutlined />} disabled={load.isPending} onClick={onRegister}>
              {t('demo.start')}
            </Button>
          </Space>
        }
      />
    </Spin>
  );
}

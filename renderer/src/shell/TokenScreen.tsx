import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** The web host refused the page (or it was opened without the printed link): say how to fix it. */
export function TokenScreen() {
  const { t } = useTranslation();
  return (
    <Result
      className="token-screen"
      status="403"
      title={t('token.title')}
      subTitle={t('token.body')}
      extra={<Button onClick={() => window.location.reload()}>{t('token.reload')}</Button>}
    />
  );
}

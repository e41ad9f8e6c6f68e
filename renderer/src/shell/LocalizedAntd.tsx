import { LoadingOutlined } from '@ant-design/icons';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/hooks';

const THEME = { token: { borderRadius: 4, fontSize: 13 } };
// antd would print a two-character label such as 登记 as "登 记"; keep labels as written.
// A loading button shows this spinner as it is instead of growing and shrinking it in: when a dialog
// closes as its request ends, the shrink never finished in the hidden dialog and its "loading"
// label stayed in the button, so the next time the button was read as "loading 登记".
const BUTTON = { autoInsertSpace: false, loadingIcon: <LoadingOutlined /> };

/** antd in the UI language (date pickers, empty states), and the page's lang and title to match. */
export function LocalizedAntd({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME} button={BUTTON}>
      <AntApp className="app-root">{children}</AntApp>
    </ConfigProvider>
  );
}

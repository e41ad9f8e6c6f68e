import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { i18n } from 'i18next';
import { useEffect, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { useLocale } from './i18n/hooks';
import type { RpcClient } from './rpc/client';
import { useConnection } from './rpc/connection';
import { RpcProvider } from './rpc/RpcProvider';
import { AppShell } from './shell/AppShell';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { TokenScreen } from './shell/TokenScreen';

const THEME = { token: { borderRadius: 4, fontSize: 13 } };
// antd would print a two-character label such as 登记 as "登 记"; keep labels as written.
const BUTTON = { autoInsertSpace: false };

/** antd speaks the UI language too (date pickers, empty states, pagination). */
function Localized({ children }: { children: ReactNode }) {
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

function Screen() {
  const unauthorized = useConnection((s) => s.status === 'unauthorized');
  return unauthorized ? <TokenScreen /> : <AppShell />;
}

export interface AppProps {
  /** Null when the web page has no token: only the token screen can be shown. */
  client: RpcClient | null;
  queryClient: QueryClient;
  i18n: i18n;
}

export function App({ client, queryClient, i18n }: AppProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <Localized>
        <ErrorBoundary>
          {client ? (
            <RpcProvider client={client}>
              <QueryClientProvider client={queryClient}>
                <Screen />
              </QueryClientProvider>
            </RpcProvider>
          ) : (
            <TokenScreen />
          )}
        </ErrorBoundary>
      </Localized>
    </I18nextProvider>
  );
}

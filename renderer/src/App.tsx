import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { RpcClient } from './rpc/client';
import { useConnection } from './rpc/connection';
import { RpcProvider } from './rpc/RpcProvider';
import { AppShell } from './shell/AppShell';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { LocalizedAntd } from './shell/LocalizedAntd';
import { TokenScreen } from './shell/TokenScreen';

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
      <LocalizedAntd>
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
      </LocalizedAntd>
    </I18nextProvider>
  );
}

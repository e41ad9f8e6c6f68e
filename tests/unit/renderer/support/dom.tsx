import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Locale } from '../../../../shared/rpc/dto';
import { createI18n } from '../../../../renderer/src/i18n';
import type { RpcClient } from '../../../../renderer/src/rpc/client';
import { RpcProvider } from '../../../../renderer/src/rpc/RpcProvider';
import { LocalizedAntd } from '../../../../renderer/src/shell/LocalizedAntd';

/** What jsdom lacks and antd's responsive and overflow code asks for. */
export function installBrowserGaps(): void {
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

/** Renders a component inside the app's providers, with the RPC client the test hands in. */
export function renderWithClient(ui: ReactElement, client: RpcClient, locale: Locale = 'zh-CN') {
  installBrowserGaps();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={createI18n(locale)}>
      <LocalizedAntd>
        <RpcProvider client={client}>
          <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
        </RpcProvider>
      </LocalizedAntd>
    </I18nextProvider>,
  );
}

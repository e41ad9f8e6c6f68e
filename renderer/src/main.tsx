import { config as zodConfig } from 'zod';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createI18n } from './i18n';
import { createRpcClient } from './rpc/client';
import { pickBridge } from './rpc/pickBridge';
import { createQueryClient } from './rpc/queries';
import './styles.css';

// zod would probe `new Function` for its fast path; the CSP forbids eval, so skip the probe.
zodConfig({ jitless: true });

const bridge = pickBridge();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={bridge && createRpcClient(bridge)} queryClient={createQueryClient()} i18n={createI18n()} />
  </StrictMode>,
);

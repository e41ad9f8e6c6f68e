import { create } from 'zustand';

/**
 * The state of the link to main, for the header indicator and the token screen.
 * `unauthorized`: the web host refused the page's token (or the page has none).
 */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'unauthorized';

interface ConnectionState {
  status: ConnectionStatus;
  host: 'electron' | 'web';
  setStatus(status: ConnectionStatus): void;
}

export const useConnection = create<ConnectionState>()((set) => ({
  status: 'connecting',
  host: 'web',
  setStatus: (status) =>
    // An unauthorized page stays so: a later socket event must not hide the token screen.
    set((s) => (s.status === 'unauthorized' ? s : { status })),
}));

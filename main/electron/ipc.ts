import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type EventMessage } from '../../shared/rpc/bridge';
import type { Router } from '../rpc/router';
import { encodeResult } from '../rpc/wire';
import type { SenderFacts } from './policy';
import { gateRpcCall } from './rpc-gate';

export interface IpcBridge {
  /** From now on every call gets SHUTTING_DOWN (calls already running finish normally). */
  beginShutdown(): void;
  /** Pushes an event to the window's main frame, if the window is still there. */
  send(message: EventMessage): void;
  dispose(): void;
}

/** The facts the gate needs, read off the IPC event. */
function senderFacts(event: IpcMainInvokeEvent, win: BrowserWindow | null): SenderFacts {
  if (!win || win.isDestroyed()) return { fromOurWebContents: false, frame: null };
  const ours = win.webContents;
  const frame = event.senderFrame;
  if (!frame) return { fromOurWebContents: event.sender === ours, frame: null };
  const main = ours.mainFrame;
  return {
    fromOurWebContents: event.sender === ours,
    frame: {
      url: frame.url,
      isOurMainFrame:
        frame === main || (frame.processId === main.processId && frame.routingId === main.routingId),
    },
  };
}

/**
 * The one IPC channel (ARCHITECTURE §3): `desk:rpc` in, `desk:event` out. Everything the
 * handler decides is in rpc-gate.ts, which is unit tested without Electron.
 */
export function registerIpc(router: Router, getWindow: () => BrowserWindow | null): IpcBridge {
  let closing = false;
  // The reply is JSON text (the preload parses it), as the web host's is: one wire format.
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, name: unknown, input: unknown) =>
    encodeResult(await gateRpcCall(router, senderFacts(event, getWindow()), closing, name, input)),
  );
  return {
    beginShutdown() {
      closing = true;
    },
    send(message) {
      const win = getWindow();
      if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
      win.webContents.send(IPC_EVENT_CHANNEL, message);
    },
    dispose() {
      ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    },
  };
}

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  type DeskBridge,
  type EventMessage,
} from '../../shared/rpc/bridge';
import type { RpcResult } from '../../shared/rpc/errors';

/**
 * The sandboxed preload: exposes `window.desk` = { invoke, on } and nothing else. It never
 * hands the renderer ipcRenderer or an IPC event object. Bundled to CommonJS
 * (out/preload/index.cjs) because a sandboxed preload can only `require('electron')`.
 */
const desk: DeskBridge = {
  async invoke(name, input) {
    // Main answers with the result as JSON text (main/rpc/wire.ts).
    return JSON.parse(
      (await ipcRenderer.invoke(IPC_INVOKE_CHANNEL, name, input)) as string,
    ) as RpcResult<unknown>;
  },
  on(event, listener) {
    if (typeof event !== 'string' || typeof listener !== 'function') {
      throw new TypeError('desk.on(event: string, listener: function)');
    }
    const relay = (_ipc: IpcRendererEvent, message: EventMessage) => {
      if (message && message.event === event) listener(message.payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('desk', desk);

import type { DeskBridge } from '../../../shared/rpc/bridge';
import type { Contract, EventName, EventPayloads, ProcedureName } from '../../../shared/rpc/contract';
import type { InputOf, OutputOf } from '../../../shared/rpc/define';
import type { RpcError, RpcResult } from '../../../shared/rpc/errors';

/** The renderer's only way to reach main: typed calls and typed push events. */
export interface RpcClient {
  call<N extends ProcedureName>(name: N, input: InputOf<Contract[N]>): Promise<OutputOf<Contract[N]>>;
  /** Returns an unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** A failed call, carrying main's typed error so views can show its message and field errors. */
export class RpcCallError extends Error {
  constructor(
    readonly procedure: string,
    readonly error: RpcError,
  ) {
    super(error.message || error.key);
    this.name = 'RpcCallError';
  }
}

export function createRpcClient(bridge: DeskBridge): RpcClient {
  return {
    async call(name, input) {
      let result: RpcResult<unknown>;
      try {
        result = await bridge.invoke(name, input);
      } catch {
        // IPC itself failed (main gone, or reloading): still a typed error for the views.
        throw new RpcCallError(name, { code: 'INTERNAL', key: 'client.unreachable', message: '' });
      }
      if (!result.ok) throw new RpcCallError(name, result.error);
      // The contract is the single source of the output type; main's handler is checked against it.
      return result.value as never;
    },
    on(event, listener) {
      return bridge.on(event, (payload) => listener(payload as never));
    },
  };
}

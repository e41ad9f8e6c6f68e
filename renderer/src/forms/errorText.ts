import { RpcCallError } from '../rpc/client';
import type { Translator } from './fieldErrors';

/** One line for a failed call: main's translated message, else our own key (transport errors). */
export function errorText(error: unknown, translator: Translator): string {
  if (error instanceof RpcCallError) {
    if (error.error.message) return error.error.message;
    if (translator.exists(error.error.key)) return translator.t(error.error.key);
    return error.error.key;
  }
  return error instanceof Error ? error.message : String(error);
}

import { shanghaiIso } from '../../../shared/domain/time';

/**
 * `YYYY-MM-DD HH:mm` in Asia/Shanghai (fixed +08:00). Deliberately not the browser's zone: a
 * handler abroad or a misconfigured PC must see the same time the case file and the deadlines use.
 */
export function formatShanghaiDateTime(epochMs: number): string {
  return shanghaiIso(epochMs).slice(0, 16).replace('T', ' ');
}

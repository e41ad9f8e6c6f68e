/** Asia/Shanghai is UTC+8 all year (no DST), so local dates are a fixed shift of UTC. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** `YYYY-MM-DD` of an instant in Asia/Shanghai, independent of the host's time zone. */
export function shanghaiDate(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO 8601 with `+08:00`, e.g. `2026-10-10T24:00` is written `2026-10-11T00:00:00+08:00`. */
export function shanghaiIso(epochMs: number): string {
  return `${new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

import type { Locale } from '../../../shared/rpc/dto';

export function formatCount(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n);
}

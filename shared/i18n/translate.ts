import type { Locale } from '../rpc/dto';
import { messages } from './messages';

const catalogues: Record<Locale, Record<string, string>> = { 'zh-CN': { ...messages['zh-CN'] }, en: { ...messages.en } };

/** Adds a feature's messages (e.g. the lifecycle's) to the catalogue main/ translates with. */
export function registerMessages(extra: Partial<Record<Locale, Record<string, string>>>): void {
  for (const locale of Object.keys(extra) as Locale[]) Object.assign(catalogues[locale], extra[locale]);
}

/** Translates a key, falling back to English and then to the key itself. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = catalogues[locale][key] ?? catalogues.en[key] ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}

import type { Locale } from '../rpc/dto';
import { CASEWORK_MESSAGES } from '../casework/messages';
import { COMPENSATION_MESSAGES } from '../compensation/messages';
import { ESCALATION_MESSAGES } from '../escalation/messages';
import { LIFECYCLE_MESSAGES } from '../lifecycle/messages';
import { MEDIATION_MESSAGES } from '../mediation/messages';
import { NOTIFY_MESSAGES } from '../notify/messages';
import { STATS_MESSAGES } from '../stats/messages';
import { SYNC_MESSAGES } from '../sync/messages';
import { PROFILE_MESSAGES } from '../deadlines/messages';
import { VALIDATION_MESSAGES } from '../validation/messages';
import { messages } from './messages';

const catalogues: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    ...messages['zh-CN'],
    ...LIFECYCLE_MESSAGES['zh-CN'],
    ...STATS_MESSAGES['zh-CN'],
    ...COMPENSATION_MESSAGES['zh-CN'],
    ...CASEWORK_MESSAGES['zh-CN'],
    ...ESCALATION_MESSAGES['zh-CN'],
    ...MEDIATION_MESSAGES['zh-CN'],
    ...SYNC_MESSAGES['zh-CN'],
    ...NOTIFY_MESSAGES['zh-CN'],
    ...PROFILE_MESSAGES['zh-CN'],
    ...VALIDATION_MESSAGES['zh-CN'],
  },
  en: {
    ...messages.en,
    ...LIFECYCLE_MESSAGES.en,
    ...STATS_MESSAGES.en,
    ...COMPENSATION_MESSAGES.en,
    ...CASEWORK_MESSAGES.en,
    ...ESCALATION_MESSAGES.en,
    ...MEDIATION_MESSAGES.en,
    ...SYNC_MESSAGES.en,
    ...NOTIFY_MESSAGES.en,
    ...PROFILE_MESSAGES.en,
    ...VALIDATION_MESSAGES.en,
  },
};

/** Adds a feature's messages (e.g. the lifecycle's) to the catalogue main/ translates with. */
export function registerMessages(extra: Partial<Record<Locale, Record<string, string>>>): void {
  for (const locale of Object.keys(extra) as Locale[]) Object.assign(catalogues[locale], extra[locale]);
}

/**
 * Translates a key, falling back to English and then to the key itself. Supports the two
 * i18next features our catalogues use, so main and the renderer read them alike:
 * `{{param}}` interpolation and `$t(other.key)` nesting (after interpolation, so a parameter
 * can choose the nested key, e.g. `$t(lifecycle.status.{{status}})`).
 */
export function translate(
  locale: Locale,
  key: string,
  params: Record<string, string | number> = {},
  depth = 0,
): string {
  const template = catalogues[locale][key] ?? catalogues.en[key] ?? key;
  const filled = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(params[name] ?? `{{${name}}}`),
  );
  if (depth > 3) return filled;
  return filled.replace(/\$t\(([\w.-]+)\)/g, (_, nested: string) =>
    translate(locale, nested, params, depth + 1),
  );
}

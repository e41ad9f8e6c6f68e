import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { messages } from '../../../shared/i18n/messages';
import { CASEWORK_MESSAGES } from '../../../shared/casework/messages';
import { COMPENSATION_MESSAGES } from '../../../shared/compensation/messages';
import { LIFECYCLE_MESSAGES } from '../../../shared/lifecycle/messages';
import { CASEWORK_UI_MESSAGES } from '../case/messages';
import { LEADS_UI_MESSAGES } from '../deadlines/messages';
import { MEDIATION_MESSAGES } from '../../../shared/mediation/messages';
import { MEDIATION_UI_MESSAGES } from '../mediation/messages';
import { NOTIFY_UI_MESSAGES } from '../notify/messages';
import { SYNC_UI_MESSAGES } from '../sync/messages';
import { STATS_UI_MESSAGES } from '../stats/messages';
import { RULES_UI_MESSAGES } from '../rules/messages';
import type { Locale } from '../../../shared/rpc/dto';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * UI strings plus the shared catalogues main translates with (validation, errors, the lifecycle's
 * status and transition labels), so a label or an error reads the same wherever it shows.
 */
export const catalogues: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    ...messages['zh-CN'],
    ...LIFECYCLE_MESSAGES['zh-CN'],
    ...CASEWORK_MESSAGES['zh-CN'],
    ...COMPENSATION_MESSAGES['zh-CN'],
    ...CASEWORK_UI_MESSAGES['zh-CN'],
    ...LEADS_UI_MESSAGES['zh-CN'],
    ...MEDIATION_MESSAGES['zh-CN'],
    ...MEDIATION_UI_MESSAGES['zh-CN'],
    ...NOTIFY_UI_MESSAGES['zh-CN'],
    ...SYNC_UI_MESSAGES['zh-CN'],
    ...STATS_UI_MESSAGES['zh-CN'],
    ...RULES_UI_MESSAGES['zh-CN'],
    ...zhCN,
  },
  en: {
    ...messages.en,
    ...LIFECYCLE_MESSAGES.en,
    ...CASEWORK_MESSAGES.en,
    ...COMPENSATION_MESSAGES.en,
    ...CASEWORK_UI_MESSAGES.en,
    ...LEADS_UI_MESSAGES.en,
    ...MEDIATION_MESSAGES.en,
    ...MEDIATION_UI_MESSAGES.en,
    ...NOTIFY_UI_MESSAGES.en,
    ...SYNC_UI_MESSAGES.en,
    ...STATS_UI_MESSAGES.en,
    ...RULES_UI_MESSAGES.en,
    ...en,
  },
};

export function createI18n(language: Locale = DEFAULT_LOCALE): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: {
      'zh-CN': { translation: catalogues['zh-CN'] },
      en: { translation: catalogues.en },
    },
    // Keys are flat dotted strings shared with main ('validation.tooLong'), not nested paths.
    keySeparator: false,
    nsSeparator: false,
    // Resources are in the bundle: initialise synchronously so the first render is translated.
    initAsync: false,
    // React escapes what it renders; untrusted text is never turned into HTML.
    interpolation: { escapeValue: false },
  });
  return instance;
}

export function asLocale(language: string): Locale {
  return language === 'en' ? 'en' : 'zh-CN';
}

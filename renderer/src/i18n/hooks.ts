import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/rpc/dto';
import type { Translator } from '../forms/fieldErrors';
import { asLocale } from './index';

/** The UI language as the contract spells it. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return asLocale(i18n.language);
}

/** i18next behind the small interface the pure error-mapping code takes. */
export function useTranslator(): Translator {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({ exists: (key) => i18n.exists(key), t: (key, params) => t(key, params) }),
    [t, i18n],
  );
}

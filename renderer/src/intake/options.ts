import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, findCategory } from '../../../shared/domain/categories';
import { APPELLANT_ROLES, CHANNELS, DEMANDS, SERVICE_TYPES } from '../../../shared/domain/channel';
import { PROVINCES } from '../../../shared/domain/regions';
import type { CarrierRef } from '../../../shared/rpc/dto';
import { carrierName, localName } from '../format/names';
import { useLocale } from '../i18n/hooks';

export interface Option {
  value: string;
  label: string;
}

/** The intake form's choice lists, in the UI language, from the shared reference data. */
export function useIntakeOptions(carriers: readonly CarrierRef[], category: string | undefined) {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(() => {
    const coded = (prefix: string, codes: readonly string[]): Option[] =>
      codes.map((code) => ({ value: code, label: t(`${prefix}.${code}`) }));
    return {
      channels: coded('channel', CHANNELS),
      appellantRoles: coded('appellantRole', APPELLANT_ROLES),
      serviceTypes: coded('serviceType', SERVICE_TYPES),
      demands: coded('demand', DEMANDS),
      carriers: carriers.map((c) => ({ value: c.id, label: carrierName(c, locale) })),
      provinces: PROVINCES.map((p) => ({ value: p.code, label: localName(p, locale) })),
      categories: CATEGORIES.map((c) => ({ value: c.code, label: localName(c, locale) })),
      reasons: (category ? (findCategory(category)?.reasons ?? []) : []).map((r) => ({
        value: r.code,
        label: localName(r, locale),
      })),
    };
  }, [t, locale, carriers, category]);
}

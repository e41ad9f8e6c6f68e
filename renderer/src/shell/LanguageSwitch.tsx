import { useQueryClient } from '@tanstack/react-query';
import { App, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/rpc/dto';
import { errorText } from '../forms/errorText';
import { LOCALES } from '../i18n';
import { useLocale, useTranslator } from '../i18n/hooks';
import { rpcKey, useRpcMutation } from '../rpc/queries';

/**
 * zh-CN / English. The choice is saved in the session by main (which also translates its own
 * messages with it), and the UI switches at once.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const translator = useTranslator();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const setLocale = useRpcMutation('session.setLocale');

  const choose = (next: Locale) => {
    void i18n.changeLanguage(next);
    setLocale.mutate(
      { locale: next },
      {
        onSuccess: (session) => queryClient.setQueryData(rpcKey('session.get', {}), session),
        onError: (error) => void message.error(errorText(error, translator)),
      },
    );
  };

  return (
    <Segmented<Locale>
      aria-label={t('header.language')}
      size="small"
      value={locale}
      onChange={choose}
      options={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
    />
  );
}

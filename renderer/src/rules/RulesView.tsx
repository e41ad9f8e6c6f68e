import { Alert, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRpcQuery } from '../rpc/queries';
import { EscalationRulesEditor } from './EscalationRulesEditor';
import { ProfileEditor } from './ProfileEditor';

/** 规则配置 (administrators): the time-limit profiles and the escalation rules, as data. */
export function RulesView() {
  const { t } = useTranslation();
  const session = useRpcQuery('session.get', {}).data;
  if (!session) return null;
  if (!session.staff.roles.includes('admin'))
    return <Alert type="warning" showIcon title={t('rules.adminOnly')} data-testid="rules-admin-only" />;
  return (
    <Tabs
      className="rules-view"
      data-testid="rules-view"
      items={[
        { key: 'profiles', label: t('rules.tab.profiles'), children: <ProfileEditor /> },
        { key: 'escalation', label: t('rules.tab.escalation'), children: <EscalationRulesEditor /> },
      ]}
    />
  );
}

import {
  AlertOutlined,
  BarChartOutlined,
  FieldTimeOutlined,
  ProfileOutlined,
  SettingOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Layout, Menu } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DeadlineBoard } from '../deadlines/DeadlineBoard';
import { EscalationsView } from '../escalations/EscalationsView';
import { IntakeModal } from '../intake/IntakeModal';
import { QueueView } from '../queue/QueueView';
import { RulesView } from '../rules/RulesView';
import { StatsView } from '../stats/StatsView';
import { SyncIndicator } from '../sync/SyncIndicator';
import { SyncSettings } from '../sync/SyncSettings';
import { NoticeBell } from '../notify/NoticeBell';
import { useLiveUpdates } from '../rpc/liveUpdates';
import { useRpcQuery } from '../rpc/queries';
import { ConnectionIndicator } from './ConnectionIndicator';
import { hasCommandModifier, isTypingTarget, useKeydown, useOverlayOpen } from './keyboard';
import { LanguageSwitch } from './LanguageSwitch';
import { NotBuiltYet } from './NotBuiltYet';
import { SessionInfo } from './SessionInfo';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { SECTIONS, useShell, type Section } from './shellStore';

const ICONS: Record<Section, ReactNode> = {
  queue: <UnorderedListOutlined />,
  deadlines: <FieldTimeOutlined />,
  escalations: <AlertOutlined />,
  mediation: <TeamOutlined />,
  statistics: <BarChartOutlined />,
  rules: <ProfileOutlined />,
  settings: <SettingOutlined />,
};

/** The workstation frame: navigation, who is signed in, connection, language, global shortcuts. */
export function AppShell() {
  const { t, i18n } = useTranslation();
  const { section, go, setIntakeOpen, setShortcutsOpen } = useShell();
  const session = useRpcQuery('session.get', {}).data;
  const overlayOpen = useOverlayOpen();
  useLiveUpdates();

  // The saved language wins over the default the window started with.
  const savedLocale = session?.locale;
  useEffect(() => {
    if (savedLocale && savedLocale !== i18n.language) void i18n.changeLanguage(savedLocale);
  }, [savedLocale, i18n]);

  useKeydown((e) => {
    if (hasCommandModifier(e) || isTypingTarget(e.target)) return;
    if (e.key === '?') {
      e.preventDefault();
      setShortcutsOpen(true);
    } else if (e.key === 'n' && !overlayOpen) {
      e.preventDefault();
      setIntakeOpen(true);
    }
  });

  return (
    <Layout className="app-shell">
      <Layout.Sider width={200} className="app-sider" theme="dark">
        <div className="app-brand">{t('app.title')}</div>
        <nav aria-label={t('nav.label')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[section]}
            onClick={({ key }) => go(key as Section)}
            items={SECTIONS.map((s) => ({ key: s, icon: ICONS[s], label: t(`nav.${s}`) }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <SessionInfo session={session} />
          <span className="header-spacer" />
          <NoticeBell />
          <SyncIndicator />
          <ConnectionIndicator />
          <LanguageSwitch />
        </Layout.Header>
        <Layout.Content className="app-content">
          {section === 'queue' ? (
            <QueueView />
          ) : section === 'statistics' ? (
            <StatsView />
          ) : section === 'deadlines' ? (
            <DeadlineBoard />
          ) : section === 'escalations' ? (
            <EscalationsView />
          ) : section === 'settings' ? (
            <SyncSettings />
          ) : section === 'rules' ? (
            <RulesView />
          ) : (
            <NotBuiltYet section={section} />
          )}
        </Layout.Content>
      </Layout>
      <IntakeModal />
      <ShortcutsOverlay />
    </Layout>
  );
}

import { DesktopOutlined, UserOutlined } from '@ant-design/icons';
import { Skeleton, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../shared/rpc/dto';

/** Who is signed in, in which roles, at which workstation. */
export function SessionInfo({ session }: { session: Session | undefined }) {
  const { t } = useTranslation();
  if (!session) return <Skeleton.Input active size="small" />;
  return (
    <>
      <span className="header-item" data-testid="session-staff">
        <UserOutlined />
        <strong>{session.staff.name}</strong>
        {session.staff.roles.map((role) => (
          <Tag key={role} className="role-tag">
            {t(`role.${role}`)}
          </Tag>
        ))}
      </span>
      <Tooltip title={t('header.workstation')}>
        <span className="header-item" aria-label={`${t('header.workstation')} ${session.workstation}`}>
          <DesktopOutlined />
          {session.workstation}
          {session.standalone && <Tag className="role-tag">{t('header.standalone')}</Tag>}
        </span>
      </Tooltip>
    </>
  );
}

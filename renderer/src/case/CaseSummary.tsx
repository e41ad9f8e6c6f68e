import { Button, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSFERS_BEFORE_FLAG } from '../../../shared/lifecycle/transitions';
import type { CaseDetail } from '../../../shared/rpc/dto';
import { useCasework } from './caseworkStore';

/**
 * The head of the drawer: what the lifecycle knows about the case (transfers, supervision,
 * escalation) and what the user's roles may do next: exactly the transitions main offers, each
 * opening its form.
 */
export function CaseSummary({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { lifecycle, available } = detail;
  const openForm = useCasework((s) => s.openForm);

  return (
    <div className="case-summary">
      <dl className="case-facts">
        <Fact label={t('field.transferCount')}>
          <span className="case-fact-number">{lifecycle.transferCount}</span>
          {lifecycle.transferRoundsExceeded && (
            <Tag color="orange" className="case-fact-tag">
              {t('case.fact.transferRoundsExceeded', { n: TRANSFERS_BEFORE_FLAG })}
            </Tag>
          )}
        </Fact>
        <Fact label={t('case.fact.supervised')}>
          {lifecycle.supervised ? (
            <Tag color="red" className="case-fact-tag">
              {t('case.fact.supervisedYes')}
            </Tag>
          ) : (
            <span className="case-fact-no">{t('common.no')}</span>
          )}
          {lifecycle.supervisionReminders > 0 && (
            <Typography.Text type="secondary">
              {t('case.fact.reminders', { n: lifecycle.supervisionReminders })}
            </Typography.Text>
          )}
        </Fact>
        <Fact label={t('case.fact.escalated')}>
          {lifecycle.escalatedToSupervision ? (
            <Tag color="purple" className="case-fact-tag">
              {t('case.fact.escalatedYes')}
            </Tag>
          ) : (
            <span className="case-fact-no">{t('common.no')}</span>
          )}
        </Fact>
        {lifecycle.reopenCount > 0 && (
          <Fact label={t('case.fact.reopened')}>
            <span className="case-fact-number">{lifecycle.reopenCount}</span>
          </Fact>
        )}
      </dl>

      <div className="case-actions" role="group" aria-label={t('case.actions')}>
        <span className="case-actions-label">{t('case.actions')}</span>
        {available.length === 0 ? (
          <Typography.Text type="secondary">{t('case.actions.none')}</Typography.Text>
        ) : (
          available.map((name) => (
            <Button key={name} size="small" data-transition={name} onClick={() => openForm(name)}>
              {t(`lifecycle.transition.${name}`)}
            </Button>
          ))
        )}
      </div>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="case-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

import { Alert, Button, Descriptions, Drawer, Skeleton, Tabs, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { isOpenStatus } from '../../../shared/domain/status';
import type { CaseDetail, ReferenceData } from '../../../shared/rpc/dto';
import { errorText } from '../forms/errorText';
import { carrierName, categoryName, provinceName, reasonName, staffName } from '../format/names';
import { formatShanghaiDateTime } from '../format/time';
import { useLocale, useTranslator } from '../i18n/hooks';
import { useRpcQuery } from '../rpc/queries';
import { StatusTag } from '../queue/StatusTag';
import { useQueue } from '../queue/queueStore';
import { isTypingTarget, useKeydown } from '../shell/keyboard';
import { MediationEntry } from '../mediation/MediationWorkspace';
import { AssignDialog } from './AssignDialog';
import { useCaseShortcuts } from './caseCommands';
import { CaseSummary } from './CaseSummary';
import { CaseworkSection } from './CaseworkSection';
import { CompensationPanel } from './CompensationPanel';
import { EditDetailsDialog } from './EditDetailsDialog';
import { TransitionForm } from './TransitionForm';
import { CaseTimeline } from './CaseTimeline';
import { ClocksSection } from './ClocksSection';
import './case.css';

type Items = NonNullable<DescriptionsProps['items']>;

/** Layers over the case drawer that take Esc for themselves while they are shown. */
const LAYERS = [
  '.ant-modal-wrap',
  '.ant-popover:not(.ant-popover-hidden)',
  '.ant-select-dropdown:not(.ant-select-dropdown-hidden)',
  '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)',
  '.ant-drawer-open:not(.case-drawer)',
].join(', ');

/** A layer that is on screen and not on its way out (antd's leave motion keeps it a moment). */
function layerShown(): boolean {
  return [...document.querySelectorAll(LAYERS)].some(
    (el) => el.getClientRects().length > 0 && !/-leave\b/.test(el.className),
  );
}

/**
 * The open case: lifecycle facts and the transitions the user may take (each opening its form),
 * the deadlines, the handler's work (assignment, personal data, notes, calls, compensation), then
 * the case file and its timeline. `c` claims and `a` assigns the open case.
 */
export function CaseDrawer() {
  const { t } = useTranslation();
  const translator = useTranslator();
  const openId = useQueue((s) => s.openId);
  const close = useQueue((s) => s.close);
  const detail = useRpcQuery('cases.get', { id: openId ?? '' }, { enabled: openId !== null });
  const reference = useRpcQuery('reference.get', {}).data;
  // Esc is ours, not antd's (keyboard={false}): antd gives Esc to the topmost portal, and a popover
  // still fading out (the notice just clicked in the header's bell) counts as topmost, so Esc
  // right after opening a case from it did nothing. A shown layer over the drawer and a field
  // being typed in (the search box clears itself on Esc) keep their own Esc. Heard in the capture
  // phase, before a dialog's own Esc has closed it (which would make the drawer close too).
  useKeydown(
    (e) => {
      if (e.key !== 'Escape' || isTypingTarget(e.target) || layerShown()) return;
      close();
    },
    openId !== null,
    'capture',
  );

  return (
    <Drawer
      open={openId !== null}
      onClose={close}
      keyboard={false}
      rootClassName="case-drawer"
      size={720}
      title={detail.data ? t('case.title', { caseNo: detail.data.caseNo }) : t('nav.queue')}
      extra={detail.data && <StatusTag status={detail.data.status} />}
    >
      {detail.isPending && openId !== null && <Skeleton active />}
      {detail.error && (
        <Alert
          type="error"
          showIcon
          title={t('case.loadFailed')}
          description={errorText(detail.error, translator)}
        />
      )}
      {detail.data && <OpenCase key={detail.data.id} detail={detail.data} reference={reference} />}
    </Drawer>
  );
}

function OpenCase({ detail, reference }: { detail: CaseDetail; reference: ReferenceData | undefined }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const history = useRpcQuery('cases.history', { id: detail.id });
  const count = history.data?.length;
  useCaseShortcuts(detail.id, true);

  return (
    <div className="case-open">
      <CaseSummary detail={detail} />
      <ClocksSection caseId={detail.id} profile={{ id: detail.profileId, version: detail.profileVersion }} />
      <TransitionForm detail={detail} reference={reference} />
      <MediationEntry detail={detail} />
      <AssignDialog source="case" expectedAssignee={detail.assigneeId} />
      <Tabs
        className="case-tabs"
        items={[
          {
            key: 'work',
            label: t('casework.tab'),
            children: <CaseworkSection detail={detail} />,
          },
          {
            key: 'compensation',
            label: t('casework.comp.title'),
            children: <CompensationPanel serviceType={detail.serviceType} />,
          },
          {
            key: 'details',
            label: t('case.section.details'),
            children: <CaseSections detail={detail} reference={reference} />,
          },
          {
            key: 'timeline',
            label:
              count === undefined ? t('case.section.timeline') : t('case.section.timelineCount', { count }),
            children: (
              <>
                {history.isPending && <Skeleton active />}
                {history.error && !history.data && (
                  <Alert
                    type="error"
                    showIcon
                    title={t('case.timeline.loadFailed')}
                    description={errorText(history.error, translator)}
                  />
                )}
                {history.data && (
                  <CaseTimeline caseId={detail.id} history={history.data} reference={reference} />
                )}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}

function CaseSections({ detail, reference }: { detail: CaseDetail; reference: ReferenceData | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const carrier = reference?.carriers.find((c) => c.id === detail.carrierId);
  const [editing, setEditing] = useState(false);

  const sections: [string, Items][] = [
    [
      'case.section.case',
      [
        { key: 'caseNo', label: t('field.caseNo'), children: detail.caseNo },
        {
          key: 'receivedAt',
          label: t('field.receivedAt'),
          children: formatShanghaiDateTime(detail.receivedAt),
        },
        { key: 'channel', label: t('field.channel'), children: t(`channel.${detail.channel}`) },
        {
          key: 'assignee',
          label: t('field.assignee'),
          children: staffName(reference?.staff ?? [], detail.assigneeId) ?? none,
        },
      ],
    ],
    [
      'case.section.appellant',
      [
        { key: 'name', label: t('field.appellantName'), children: detail.appellantName },
        { key: 'phone', label: t('field.appellantPhone'), children: detail.appellantPhone },
        {
          key: 'role',
          label: t('field.appellantRole'),
          children: t(`appellantRole.${detail.appellantRole}`),
        },
      ],
    ],
    [
      'case.section.item',
      [
        {
          key: 'carrier',
          label: t('field.carrier'),
          children: carrierName(carrier, locale) || detail.carrierId,
        },
        { key: 'waybill', label: t('field.waybillNo'), children: detail.waybillNo },
        { key: 'outlet', label: t('field.outlet'), children: detail.outlet ?? none },
        { key: 'service', label: t('field.serviceType'), children: t(`serviceType.${detail.serviceType}`) },
        {
          key: 'origin',
          label: t('field.originProvince'),
          children: provinceName(detail.originProvince, locale),
        },
        { key: 'dest', label: t('field.destProvince'), children: provinceName(detail.destProvince, locale) },
      ],
    ],
    [
      'case.section.appeal',
      [
        { key: 'category', label: t('field.category'), children: categoryName(detail.category, locale) },
        {
          key: 'reason',
          label: t('field.reason'),
          children: reasonName(detail.category, detail.reason, locale),
        },
        {
          key: 'description',
          label: t('field.description'),
          // Untrusted text: rendered as text, line breaks kept.
          children: <div className="case-description">{detail.description}</div>,
        },
        { key: 'demand', label: t('field.demand'), children: t(`demand.${detail.demand}`) },
        { key: 'amount', label: t('field.demandAmount'), children: detail.demandAmountYuan ?? none },
      ],
    ],
    [
      'case.section.prior',
      [
        {
          key: 'made',
          label: t('field.priorMade'),
          children: t(detail.priorComplaintMade ? 'common.yes' : 'common.no'),
        },
        { key: 'date', label: t('field.priorDate'), children: detail.priorComplaintDate ?? none },
        { key: 'result', label: t('field.priorResult'), children: detail.priorComplaintResult ?? none },
      ],
    ],
  ];

  return (
    <div className="case-sections">
      {isOpenStatus(detail.status) && (
        <div className="case-sections-actions">
          <Button size="small" onClick={() => setEditing(true)}>
            {t('case.edit.open')}
          </Button>
        </div>
      )}
      {editing && (
        <EditDetailsDialog
          detail={detail}
          carriers={reference?.carriers ?? []}
          onClose={() => setEditing(false)}
        />
      )}
      {sections.map(([title, items]) => (
        <Descriptions
          key={title}
          title={t(title)}
          items={items}
          column={1}
          size="small"
          bordered
          classNames={{ label: 'case-label' }}
        />
      ))}
    </div>
  );
}

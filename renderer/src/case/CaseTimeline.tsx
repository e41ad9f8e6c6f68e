import { Timeline, Typography } from 'antd';
import type { TimelineProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseEventView, ReferenceData } from '../../../shared/rpc/dto';
import { carrierName, staffName } from '../format/names';
import { formatShanghaiDateTime } from '../format/time';
import { useLocale, useTranslator } from '../i18n/hooks';
import { useRpcQuery } from '../rpc/queries';
import { StatusTag } from '../queue/StatusTag';
import { eventDetails, eventName, transitionOf, type DetailContext } from './eventText';

/** Dot colours: the end of a case green, pressure on the carrier red, a dead end grey. */
const COLORS: Partial<Record<string, string>> = {
  close: 'green',
  supervise: 'red',
  escalate_to_supervision: 'red',
  not_accept: 'gray',
  withdraw: 'gray',
};

/** 办理记录: the case's audit trail, oldest first, each entry with who did it where. */
export function CaseTimeline({
  caseId,
  history,
  reference,
}: {
  caseId: string;
  history: readonly CaseEventView[];
  reference: ReferenceData | undefined;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const locale = useLocale();
  // The linked appeals' numbers (links are never removed, so every "关联申诉" entry finds its own).
  const casework = useRpcQuery('casework.view', { caseId });
  const context: DetailContext = {
    translator,
    locale,
    carrierName: (id) =>
      carrierName(
        reference?.carriers.find((c) => c.id === id),
        locale,
      ),
    staffName: (id) => staffName(reference?.staff ?? [], id) ?? id,
    caseNo: (id) => casework.data?.links.find((l) => l.caseId === id)?.caseNo ?? '',
  };

  if (history.length === 0)
    return <Typography.Text type="secondary">{t('case.timeline.empty')}</Typography.Text>;

  const items: NonNullable<TimelineProps['items']> = history.map((event) => {
    const details = eventDetails(event, context);
    return {
      key: event.seq,
      color: COLORS[transitionOf(event.type) ?? ''] ?? 'blue',
      content: (
        <div className="event" data-seq={event.seq}>
          <div className="event-head">
            <span className="event-name">{eventName(event.type, translator)}</span>
            <span className="event-arrow" aria-label={t('case.timeline.statusAfter')}>
              →
            </span>
            <StatusTag status={event.status} />
            <time className="event-time" dateTime={new Date(event.at).toISOString()}>
              {formatShanghaiDateTime(event.at)}
            </time>
          </div>
          <div className="event-actor">
            {event.actorName ?? event.actorId}
            <span className="event-sep">·</span>
            {event.workstation}
          </div>
          {details.length > 0 && (
            <dl className="event-data">
              {details.map((line) => (
                <div key={line.field} className="event-data-row">
                  <dt>{line.label}</dt>
                  <dd>
                    {line.long ? (
                      <Typography.Paragraph
                        className="event-long"
                        ellipsis={{ rows: 2, expandable: 'collapsible' }}
                      >
                        {line.value}
                      </Typography.Paragraph>
                    ) : (
                      line.value
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      ),
    };
  });

  return <Timeline className="case-timeline" items={items} />;
}

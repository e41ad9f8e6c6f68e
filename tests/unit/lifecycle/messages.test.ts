import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../../shared/domain/status';
import { messages as appMessages } from '../../../shared/i18n/messages';
import {
  CARRIER_CONTACT_METHODS,
  CLOSURE_REASONS,
  ESCALATION_GROUNDS,
  LIFECYCLE_MESSAGES,
  NOTICE_METHODS,
  NOT_ACCEPT_REASONS,
  REHANDLE_REASONS,
  SATISFACTION_LEVELS,
  TRANSITION_NAMES,
} from '../../../shared/lifecycle';

const zh = LIFECYCLE_MESSAGES['zh-CN'];
const en = LIFECYCLE_MESSAGES.en;

describe('lifecycle messages', () => {
  it('has the same keys in both languages, none empty, none clashing with the app’s', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const text of [...Object.values(zh), ...Object.values(en)]) expect(text.trim()).not.toBe('');
    for (const key of Object.keys(en)) expect(Object.keys(appMessages.en)).not.toContain(key);
  });

  it.each([
    ['lifecycle.transition', TRANSITION_NAMES],
    ['lifecycle.status', CASE_STATUSES],
    ['lifecycle.notAcceptReason', NOT_ACCEPT_REASONS],
    ['lifecycle.noticeMethod', NOTICE_METHODS],
    ['lifecycle.carrierContactMethod', CARRIER_CONTACT_METHODS],
    ['lifecycle.rehandleReason', REHANDLE_REASONS],
    ['lifecycle.closureReason', CLOSURE_REASONS],
    ['lifecycle.satisfaction', SATISFACTION_LEVELS],
    ['lifecycle.escalationGround', ESCALATION_GROUNDS],
  ] as const)('labels every code of %s', (prefix, codes) => {
    for (const code of codes) expect(en).toHaveProperty([`${prefix}.${code}`]);
  });

  it.each(['zh-CN', 'en'] as const)(
    'renders refusals with labels, not codes, in %s (i18next nesting)',
    async (lng) => {
      const i18n = i18next.createInstance();
      await i18n.init({
        lng,
        keySeparator: false,
        nsSeparator: false,
        resources: { [lng]: { translation: { ...appMessages[lng], ...LIFECYCLE_MESSAGES[lng] } } },
      });
      const labels = LIFECYCLE_MESSAGES[lng];
      for (const transition of TRANSITION_NAMES) {
        for (const status of CASE_STATUSES) {
          for (const reason of ['fromStatus', 'role', 'roleFromStatus', 'invalidData']) {
            const text = i18n.t(`lifecycle.refused.${reason}`, { transition, status, role: 'handler' });
            expect(text).not.toMatch(/\$t\(|\{\{|lifecycle\./);
            expect(text).toContain(labels[`lifecycle.transition.${transition}`]);
          }
          expect(i18n.t('lifecycle.refused.fromStatus', { transition, status })).toContain(
            labels[`lifecycle.status.${status}`],
          );
        }
      }
    },
  );
});

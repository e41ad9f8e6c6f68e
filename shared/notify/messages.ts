/**
 * Desktop notification texts main produces, in both UI languages. An escalation's body is the
 * engine's own evidence key (shared/escalation/messages.ts).
 */
export const NOTIFY_MESSAGES = {
  'zh-CN': {
    'notify.escalation.title': 'L{{level}} 升级督办 · {{caseNo}}',
    'notify.escalation.many': '{{count}} 件案件升级至 L{{level}}，首件 {{caseNo}}',
    'notify.assigned.title': '新指派给您的案件',
    'notify.assigned.body': '案件 {{caseNo}} 已由 {{by}} 指派给您',
    'notify.assigned.many': '{{count}} 件案件已指派给您，首件 {{caseNo}}',
    'notify.assigned.byEngine': '案件 {{caseNo}} 已由升级规则指派给您',
  },
  en: {
    'notify.escalation.title': 'L{{level}} escalation · {{caseNo}}',
    'notify.escalation.many': '{{count}} cases escalated to L{{level}}, first {{caseNo}}',
    'notify.assigned.title': 'Case assigned to you',
    'notify.assigned.body': 'Case {{caseNo}} was assigned to you by {{by}}',
    'notify.assigned.many': '{{count}} cases were assigned to you, first {{caseNo}}',
    'notify.assigned.byEngine': 'Case {{caseNo}} was assigned to you by an escalation rule',
  },
} as const satisfies Record<'zh-CN' | 'en', Record<string, string>>;

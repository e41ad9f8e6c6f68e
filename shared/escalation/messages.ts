/** Escalation texts main produces (evidence, refusals), in both UI languages. */
export const ESCALATION_MESSAGES = {
  'zh-CN': {
    'escalation.evidence.preBreach': '时限“{{limit}}”将于 {{due}} 到期，剩余不足 {{hours}} 个工作小时',
    'escalation.evidence.preBreachShare':
      '时限“{{limit}}”已用去 {{percent}}% 以上的工作时间，将于 {{due}} 到期',
    'escalation.evidence.breach': '时限“{{limit}}”已于 {{due}} 超期',
    'escalation.evidence.carrierOverdue': '企业答复已于 {{due}} 超期（督办）',
    'escalation.evidence.repeatWaybill': '同一运单 {{days}} 天内申诉 {{count}} 次',
    'escalation.evidence.repeatPhone': '同一申诉人电话 {{days}} 天内申诉 {{count}} 次',
    'escalation.evidence.outletPileup': '网点“{{outlet}}”本周（自 {{week}}）已有 {{count}} 件申诉',
    'escalation.evidence.sensitiveWords': '申诉内容含敏感词：{{words}}',
    'escalation.evidence.claimAmount': '索赔金额 {{amount}} 元，超过 {{threshold}} 元',
    'escalation.evidence.transferRounds': '案件已转办三次以上',
    'escalation.notFound': '找不到该升级事项',
    'escalation.alreadyResolved': '该升级事项已办结',
    'escalation.rule.invalid': '规则有 {{count}} 处错误，未保存',
    'escalation.rule.officeHoursOrder': '上班时间须早于下班时间',
    'escalation.rule.oneThreshold': '请填写“到期前工作小时数”或“已用时限比例”，二者选一',
    'escalation.rule.reassignTarget': '“改派”需指定接收人',
    'escalation.rule.unknown': '找不到规则 {{id}}',
  },
  en: {
    'escalation.evidence.preBreach':
      'Clock "{{limit}}" is due {{due}}, less than {{hours}} working hours away',
    'escalation.evidence.preBreachShare':
      'Clock "{{limit}}" has used {{percent}}% or more of its working time; it is due {{due}}',
    'escalation.evidence.breach': 'Clock "{{limit}}" was due {{due}} and is overdue',
    'escalation.evidence.carrierOverdue': 'The carrier reply was due {{due}} and is overdue (supervision)',
    'escalation.evidence.repeatWaybill': '{{count}} appeals about the same waybill within {{days}} days',
    'escalation.evidence.repeatPhone': '{{count}} appeals from the same phone within {{days}} days',
    'escalation.evidence.outletPileup':
      'Outlet "{{outlet}}" has {{count}} appeals this week (since {{week}})',
    'escalation.evidence.sensitiveWords': 'The description contains sensitive words: {{words}}',
    'escalation.evidence.claimAmount': 'Claim of {{amount}} yuan exceeds {{threshold}} yuan',
    'escalation.evidence.transferRounds': 'The case has been transferred three times or more',
    'escalation.notFound': 'No such escalation',
    'escalation.alreadyResolved': 'This escalation is already resolved',
    'escalation.rule.invalid': 'The rule has {{count}} problem(s) and was not saved',
    'escalation.rule.officeHoursOrder': 'Office hours must start before they end',
    'escalation.rule.oneThreshold':
      'Give either the working hours before due or the share of the period, not both',
    'escalation.rule.reassignTarget': 'The reassign action needs someone to reassign to',
    'escalation.rule.unknown': 'No rule {{id}}',
  },
} as const;

/** Texts about rule profiles main produces (refusals, field problems), in both UI languages. */
export const PROFILE_MESSAGES = {
  'zh-CN': {
    'profiles.invalid': '规则配置有 {{count}} 处错误，未保存',
    'profiles.unknown': '找不到规则配置 {{id}}',
    'profiles.unknownVersion': '规则配置 {{id}} 没有第 {{version}} 版',
    'profiles.issue.timeOfDay': '时间须为 HH:MM，00:00 至 24:00',
    'profiles.issue.noStart': '时限至少要有一个起算条件',
    'profiles.issue.noStop': '时限至少要有一个停止条件',
    'profiles.issue.dayPeriodOnly': '顺延和截止时刻只适用于按日计算的时限',
    'profiles.issue.id': '编号只能用小写字母、数字和连字符',
    'profiles.issue.workingHoursOrder': '工作时间的结束须晚于开始',
    'profiles.issue.workingHoursMissing': '含“工作小时”时限的配置须设置工作时间',
  },
  en: {
    'profiles.invalid': 'The rule profile has {{count}} problem(s) and was not saved',
    'profiles.unknown': 'No rule profile {{id}}',
    'profiles.unknownVersion': 'Rule profile {{id}} has no version {{version}}',
    'profiles.issue.timeOfDay': 'Must be HH:MM, from 00:00 to 24:00',
    'profiles.issue.noStart': 'A limit needs at least one start trigger',
    'profiles.issue.noStop': 'A limit needs at least one stop trigger',
    'profiles.issue.dayPeriodOnly': 'Roll-forward and the due time of day apply to day periods only',
    'profiles.issue.id': 'The id takes lower-case letters, digits and hyphens only',
    'profiles.issue.workingHoursOrder': 'Working hours must end after they start',
    'profiles.issue.workingHoursMissing': 'A profile with working-hour limits must set working hours',
  },
} as const;

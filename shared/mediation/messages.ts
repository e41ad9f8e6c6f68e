/** Messages main produces for the mediation record (refusals, field errors), zh-CN and en with the same keys. */
export const MEDIATION_MESSAGES = {
  'zh-CN': {
    'mediation.refused.notMediating':
      '案件当前为“$t(lifecycle.status.{{status}})”，不在调解中，不能修改调解记录',
    'mediation.refused.concluded': '调解已有结果，调解记录不能再修改',
    'mediation.refused.notHolder': '请先认领本案再修改调解记录（组长、管理员除外）',
    'mediation.refused.stale': '调解记录已被他人修改，请刷新后再操作',
    'mediation.refused.export': '无权导出含个人信息的调解记录：请先认领本案，或由组长、管理员导出',
    'mediation.refused.notFound': '本案没有调解记录',
    'mediation.pdf.unavailable': '无法生成 PDF：{{reason}}',
    'validation.mediation.attendeesRequired': '至少选择一位参加人',
    'validation.mediation.attendeesRepeated': '参加人重复',
    'validation.mediation.inFuture': '时间不能晚于现在',
    'validation.mediation.nothingToChange': '没有要修改的内容',
    'validation.mediation.agreementRequired': '调解达成一致前，请先记录协议内容和金额',
  },
  en: {
    'mediation.refused.notMediating':
      'The case is “$t(lifecycle.status.{{status}})”, not in mediation: its mediation record cannot change',
    'mediation.refused.concluded': 'The mediation has an outcome; its record can no longer change',
    'mediation.refused.notHolder':
      'Claim the case before changing its mediation record (team leads and admins excepted)',
    'mediation.refused.stale': 'Someone else changed the mediation record; reload and try again',
    'mediation.refused.export':
      'You may not export the mediation record with personal data: claim the case first, or ask a team lead or an admin',
    'mediation.refused.notFound': 'This case has no mediation record',
    'mediation.pdf.unavailable': 'The PDF could not be made: {{reason}}',
    'validation.mediation.attendeesRequired': 'Choose at least one attendee',
    'validation.mediation.attendeesRepeated': 'An attendee is listed twice',
    'validation.mediation.inFuture': 'The time cannot be in the future',
    'validation.mediation.nothingToChange': 'Nothing to change',
    'validation.mediation.agreementRequired':
      'Record the agreed terms and amount before recording an agreement',
  },
} as const;

/** Messages main produces for the handler actions (refusals, field errors), zh-CN and en with the same keys. */
export const CASEWORK_MESSAGES = {
  'zh-CN': {
    'casework.conflict.assignedTo': '该案件已由 {{name}} 承办，请刷新后再操作',
    'casework.conflict.unassigned': '该案件目前无人承办，请刷新后再操作',
    'casework.forbidden.reassign': '只有组长或管理员可以把他人承办的案件改派',
    'casework.forbidden.release': '只能释放自己承办的案件（组长或管理员除外）',
    'casework.forbidden.reveal': '无权查看该案件的个人信息：请先认领本案，或由组长、管理员查看',
    'casework.assign.unknownStaff': '没有该工作人员或已停用',
    'validation.casework.nextBeforeCall': '下次联系时间应晚于本次通话时间',
    'validation.casework.linkSelf': '不能与自身关联',
  },
  en: {
    'casework.conflict.assignedTo': 'This case is now handled by {{name}}. Refresh and try again.',
    'casework.conflict.unassigned': 'This case is no longer assigned to anyone. Refresh and try again.',
    'casework.forbidden.reassign': 'Only a team lead or an admin may reassign a colleague’s case',
    'casework.forbidden.release': 'You may release only your own cases (team leads and admins excepted)',
    'casework.forbidden.reveal':
      'You may not see this case’s personal data: claim the case first, or ask a team lead or an admin',
    'casework.assign.unknownStaff': 'No such active staff member',
    'validation.casework.nextBeforeCall': 'The next attempt must be after this call',
    'validation.casework.linkSelf': 'A case cannot be linked to itself',
  },
} as const;

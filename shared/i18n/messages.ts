/**
 * Messages that main/ produces (validation and RPC errors), in both languages. The renderer's
 * UI catalogue (renderer/i18n) merges these, so a field error reads the same wherever it shows.
 * Interpolation uses i18next's `{{name}}` syntax.
 */
export const messages = {
  'zh-CN': {
    'validation.required': '必填',
    'validation.invalid': '格式不正确',
    'validation.tooLong': '过长：最多 {{max}} 个字符',
    'validation.tooLarge': '数值过大：最大 {{max}}',
    'validation.phone.invalid': '不是有效的中国大陆电话号码（手机号 11 位，固话需带区号）',
    'validation.waybill.pattern': '不是{{carrier}}的运单号格式（示例：{{example}}）',
    'validation.waybill.s10': '国际邮件号码校验位不正确（S10 标准）',
    'validation.carrier.unknown': '未知的寄递企业',
    'validation.province.unknown': '请选择省份',
    'validation.category.unknown': '未知的申诉问题类别',
    'validation.reason.unknown': '该类别下没有此二级原因',
    'validation.date.invalid': '日期格式应为 YYYY-MM-DD',
    'validation.number.invalid': '请输入数字',
    'validation.number.negative': '不能为负数',
    'errors.VALIDATION_FAILED': '输入有误，请检查标出的字段。未保存任何内容。',
    'errors.UNKNOWN_PROCEDURE': '未知的操作：{{name}}',
    'errors.UNAUTHENTICATED': '未登录或登录已失效',
    'errors.FORBIDDEN': '当前角色无权执行此操作：{{name}}',
    'errors.NOT_FOUND': '找不到该记录',
    'errors.CONFLICT': '记录已被他人修改，请刷新后重试',
    'errors.INVALID_TRANSITION': '当前状态下不能执行此操作',
    'errors.SHUTTING_DOWN': '应用正在关闭，操作未执行',
    'errors.INTERNAL': '内部错误，操作未执行。详情已记录。',
    'errors.demo.notEmpty': '案件库不为空，不能载入演示数据',
    'validation.caseEdit.nothingToChange': '没有修改任何内容',
    'validation.caseEdit.changedMeanwhile': '此项已被他人修改',
    'caseEdit.refused.closed': '案件已办结，不能再修改案件信息',
    'caseEdit.refused.notHolder': '只有承办人或组长可以修改此案件的信息',
    'caseEdit.refused.stale': '案件信息已被他人修改，请查看最新内容后再改。未保存任何内容。',
    'warnings.no_prior_complaint': '申诉人未先向企业投诉（《邮政业用户申诉处理办法》要求先投诉后申诉）',
    'warnings.carrier_window_open': '向企业投诉未满 7 日且无处理结果，企业仍在处理期内',
  },
  en: {
    'validation.required': 'Required',
    'validation.invalid': 'Not valid',
    'validation.tooLong': 'Too long: at most {{max}} characters',
    'validation.tooLarge': 'Too large: at most {{max}}',
    'validation.phone.invalid':
      'Not a valid mainland China phone number (11-digit mobile, or a fixed line with area code)',
    'validation.waybill.pattern': 'Not a {{carrierEn}} waybill number (example: {{example}})',
    'validation.waybill.s10': 'Wrong check digit for an international (UPU S10) item number',
    'validation.carrier.unknown': 'Unknown carrier',
    'validation.province.unknown': 'Choose a province',
    'validation.category.unknown': 'Unknown problem category',
    'validation.reason.unknown': 'This category has no such level-2 reason',
    'validation.date.invalid': 'Use the date format YYYY-MM-DD',
    'validation.number.invalid': 'Enter a number',
    'validation.number.negative': 'Cannot be negative',
    'errors.VALIDATION_FAILED': 'Some fields need attention. Nothing was saved.',
    'errors.UNKNOWN_PROCEDURE': 'Unknown operation: {{name}}',
    'errors.UNAUTHENTICATED': 'Not signed in, or the session has expired',
    'errors.FORBIDDEN': 'Your role may not do this: {{name}}',
    'errors.NOT_FOUND': 'Record not found',
    'errors.CONFLICT': 'Someone else changed this record; reload and try again',
    'errors.INVALID_TRANSITION': 'This action is not possible in the current status',
    'errors.SHUTTING_DOWN': 'The app is shutting down; nothing was done',
    'errors.INTERNAL': 'Internal error; nothing was done. The details were logged.',
    'errors.demo.notEmpty': 'The case store is not empty; demo data can only be loaded into an empty store',
    'validation.caseEdit.nothingToChange': 'Nothing was changed',
    'validation.caseEdit.changedMeanwhile': 'Someone else changed this meanwhile',
    'caseEdit.refused.closed': 'The case is closed; its details can no longer be corrected',
    'caseEdit.refused.notHolder': 'Only the case’s handler or a team lead may correct its details',
    'caseEdit.refused.stale':
      'Someone else corrected these details meanwhile: look at the current values and edit again. Nothing was saved.',
    'warnings.no_prior_complaint':
      'The appellant has not complained to the carrier first (the Measures require a complaint before an appeal)',
    'warnings.carrier_window_open':
      'The complaint to the carrier is under 7 days old and unanswered: the carrier is still within its handling period',
  },
} as const satisfies Record<'zh-CN' | 'en', Record<string, string>>;

export type MessageKey = keyof (typeof messages)['en'];

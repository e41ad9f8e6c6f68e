/** The compensation calculator's labels and the basis of each result, zh-CN and en with the same keys. */
const B = 'compensation.basis';

export const COMPENSATION_MESSAGES = {
  'zh-CN': {
    [`${B}.completeDelay`]:
      '延误 {{days}} 日，已达彻底延误时限 {{limit}} 日（GB/T 27917-2011，[待核实]），按丢失处理。',
    [`${B}.postalDelay`]: '《邮政法》第四十七条不规定邮件延误赔偿；企业惯例可能退还邮费。',
    [`${B}.delayWaiveFee`]:
      '延误：免除本次服务费用（不含保价等附加费用），即 ¥{{postage}}（GB/T 27917-2011，[待核实]）。',
    [`${B}.gross`]: '故意或重大过失：不适用限额（《邮政法》第四十六、四十七条），按实际损失 ¥{{loss}} 赔偿。',
    [`${B}.expressInsuredTotal`]:
      '保价快件丢失或毁损：按保价约定（《快递暂行条例》第二十七条）赔偿保价金额 ¥{{insured}}。',
    [`${B}.expressInsuredPartial`]:
      '保价快件部分损失：按保价约定（《快递暂行条例》第二十七条），实际损失 ¥{{loss}}，以保价金额 ¥{{insured}} 为限，赔偿 ¥{{amount}}。',
    [`${B}.expressUninsured`]:
      '未保价快件：依照民事法律（《快递暂行条例》第二十七条、《民法典》第八百三十二条）按实际损失 ¥{{loss}} 赔偿，无法定倍数限额。',
    [`${B}.ordinaryMail`]: '平常邮件：邮政企业不承担赔偿责任，故意或重大过失除外（《邮政法》第四十六条）。',
    [`${B}.postalInsuredTotal`]:
      '保价给据邮件丢失或全部损毁：按保价额 ¥{{insured}} 赔偿（《邮政法》第四十七条第一款第一项）。',
    [`${B}.postalInsuredPartial`]:
      '保价给据邮件部分损毁或内件短少：实际损失 ¥{{loss}} × 保价额 ¥{{insured}} ÷ 全部价值 ¥{{value}} = ¥{{amount}}（《邮政法》第四十七条第一款第一项）。',
    [`${B}.registeredLetter`]:
      '挂号信件丢失、损毁：按所收资费的三倍赔偿，¥{{postage}} × 3 = ¥{{amount}}（《邮政法》第四十七条第一款第二项）。',
    [`${B}.postalUninsured`]:
      '未保价给据邮件：按实际损失 ¥{{loss}} 赔偿，最高不超过所收资费的三倍 ¥{{postage}} × 3 = ¥{{cap}}，赔偿 ¥{{amount}}（《邮政法》第四十七条第一款第二项）。',
  },
  en: {
    [`${B}.completeDelay`]:
      'Delayed {{days}} days, at or past the complete-delay limit of {{limit}} days (GB/T 27917-2011, [unverified]): treated as lost.',
    [`${B}.postalDelay`]:
      'Postal Law Art.47 sets no compensation for delayed mail; carriers may refund the postage as practice.',
    [`${B}.delayWaiveFee`]:
      'Delay: this shipment’s service fee is waived (not insurance or other add-ons): ¥{{postage}} (GB/T 27917-2011, [unverified]).',
    [`${B}.gross`]:
      'Intentional act or gross negligence: no cap applies (Postal Law Art.46–47); the actual loss of ¥{{loss}} is paid.',
    [`${B}.expressInsuredTotal`]:
      'Insured express item lost or destroyed: the insured amount of ¥{{insured}} per the insurance agreement (Interim Express Regulations Art.27).',
    [`${B}.expressInsuredPartial`]:
      'Insured express item partly lost: actual loss ¥{{loss}}, up to the insured amount ¥{{insured}}: ¥{{amount}} (Interim Express Regulations Art.27).',
    [`${B}.expressUninsured`]:
      'Uninsured express item: the actual loss of ¥{{loss}} under civil law (Interim Express Regulations Art.27, Civil Code Art.832); no statutory multiple cap.',
    [`${B}.ordinaryMail`]:
      'Ordinary mail: the postal enterprise is not liable, except for intent or gross negligence (Postal Law Art.46).',
    [`${B}.postalInsuredTotal`]:
      'Insured receipted mail lost or destroyed: the insured amount of ¥{{insured}} (Postal Law Art.47(1)(i)).',
    [`${B}.postalInsuredPartial`]:
      'Insured receipted mail partly damaged or short: actual loss ¥{{loss}} × insured ¥{{insured}} ÷ full value ¥{{value}} = ¥{{amount}} (Postal Law Art.47(1)(i)).',
    [`${B}.registeredLetter`]:
      'Registered letter lost or damaged: three times the postage, ¥{{postage}} × 3 = ¥{{amount}} (Postal Law Art.47(1)(ii)).',
    [`${B}.postalUninsured`]:
      'Uninsured receipted mail: the actual loss of ¥{{loss}}, at most three times the postage ¥{{postage}} × 3 = ¥{{cap}}: ¥{{amount}} (Postal Law Art.47(1)(ii)).',
  },
} as const;

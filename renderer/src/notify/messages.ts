import { ESCALATION_MESSAGES } from '../../../shared/escalation/messages';
import { NOTIFY_MESSAGES } from '../../../shared/notify/messages';

/** The notification bell, quiet mode and the notice texts main sends (with the engine's evidence keys). */
export const NOTIFY_UI_MESSAGES: Record<'zh-CN' | 'en', Record<string, string>> = {
  'zh-CN': {
    ...ESCALATION_MESSAGES['zh-CN'],
    ...NOTIFY_MESSAGES['zh-CN'],
    'notify.bell': '通知',
    'notify.empty': '暂无通知',
    'notify.quiet': '勿扰模式 (m)',
    'notify.quietHint': '开启后不弹出桌面通知、不响提示音；升级督办收件箱照常记录。',
    'notify.quietOn': '已开启勿扰模式',
    'notify.quietOff': '已关闭勿扰模式',
    'notify.allowDesktop': '允许桌面通知',
    'shortcuts.quiet': '开启 / 关闭勿扰模式',
  },
  en: {
    ...ESCALATION_MESSAGES.en,
    ...NOTIFY_MESSAGES.en,
    'notify.bell': 'Notifications',
    'notify.empty': 'No notifications',
    'notify.quiet': 'Quiet mode (m)',
    'notify.quietHint': 'No desktop notifications or sound; the escalation inbox still records everything.',
    'notify.quietOn': 'Quiet mode on',
    'notify.quietOff': 'Quiet mode off',
    'notify.allowDesktop': 'Allow desktop notifications',
    'shortcuts.quiet': 'Quiet mode on / off',
  },
};

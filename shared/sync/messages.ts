/** Messages main produces for team sync (sign-in, settings, the conflict inbox), zh-CN and en with the same keys. */
export const SYNC_MESSAGES = {
  'zh-CN': {
    'sync.errors.badUrl':
      '服务器地址无效：请填写 http:// 或 https:// 开头的完整地址，例如 https://sync.example.cn',
    'sync.errors.noServer': '尚未设置同步服务器：请先在“设置”中填写服务器地址',
    'sync.errors.unreachable': '无法连接同步服务器 {{url}}：请检查地址和网络后重试',
    'sync.errors.wrongPassword': '用户名或密码错误',
    'sync.errors.server': '同步服务器拒绝了请求：{{message}}',
    'sync.errors.signedIn': '请先退出登录，再修改服务器地址',
    'sync.errors.conflictNotFound': '没有该冲突记录，或已处理',
    'sync.errors.cannotRetry': '这项被拒绝的操作不能原样重试：请打开案件重新处理',
  },
  en: {
    'sync.errors.badUrl':
      'Not a valid server address: enter a full http:// or https:// address, e.g. https://sync.example.cn',
    'sync.errors.noServer': 'No sync server is set: enter its address in Settings first',
    'sync.errors.unreachable':
      'Cannot reach the sync server at {{url}}: check the address and the network, then retry',
    'sync.errors.wrongPassword': 'Wrong user name or password',
    'sync.errors.server': 'The sync server refused the request: {{message}}',
    'sync.errors.signedIn': 'Sign out before changing the server address',
    'sync.errors.conflictNotFound': 'No such conflict, or it was already resolved',
    'sync.errors.cannotRetry':
      'This refused change cannot be sent again as it was: open the case and redo it',
  },
} as const;

import { Modal, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useShell } from './shellStore';

/** The `?` overlay: every shortcut, so the keyboard path is discoverable. */
const GROUPS: [string, [keys: string[], action: string][]][] = [
  [
    'shortcuts.group.anywhere',
    [
      [['?'], 'shortcuts.help'],
      [['N'], 'shortcuts.intake'],
      [['M'], 'shortcuts.quiet'],
    ],
  ],
  [
    'shortcuts.group.queue',
    [
      [['J', '↓'], 'shortcuts.next'],
      [['K', '↑'], 'shortcuts.prev'],
      [['PageDown', 'PageUp'], 'shortcuts.page'],
      [['Home', 'End'], 'shortcuts.ends'],
      [['Enter'], 'shortcuts.open'],
      [['Space', 'Ctrl+Click'], 'shortcuts.tick'],
      [['C'], 'shortcuts.claim'],
      [['A'], 'shortcuts.assign'],
      [['/'], 'shortcuts.search'],
      [['Esc'], 'shortcuts.clearSearch'],
      [['1', '…', '9'], 'shortcuts.views'],
    ],
  ],
  [
    'shortcuts.group.board',
    [
      [['Enter'], 'shortcuts.boardOpen'],
      [['A'], 'shortcuts.boardReassign'],
    ],
  ],
  [
    'shortcuts.group.form',
    [
      [['Tab', 'Shift+Tab'], 'shortcuts.nextField'],
      [['Enter'], 'shortcuts.enterSubmit'],
      [['Ctrl+Enter'], 'shortcuts.ctrlEnterSubmit'],
      [['Esc'], 'shortcuts.close'],
    ],
  ],
];

export function ShortcutsOverlay() {
  const { t } = useTranslation();
  const open = useShell((s) => s.shortcutsOpen);
  const setOpen = useShell((s) => s.setShortcutsOpen);
  return (
    <Modal open={open} title={t('shortcuts.title')} footer={null} onCancel={() => setOpen(false)} width={560}>
      {GROUPS.map(([group, rows]) => (
        <section key={group} className="shortcut-group">
          <Typography.Title level={5}>{t(group)}</Typography.Title>
          <dl className="shortcut-list">
            {rows.map(([keys, action]) => (
              <Fragment key={`${group}-${action}`}>
                <dt>
                  {keys.map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                </dt>
                <dd>{t(action)}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ))}
    </Modal>
  );
}

import { useEffect, useEffectEvent } from 'react';
import { useQueue } from '../queue/queueStore';
import { useSyncPanel } from '../sync/syncPanelStore';
import { useShell } from './shellStore';

const TYPING =
  'input:not([type="radio"]):not([type="checkbox"]), textarea, select, [contenteditable=""], [contenteditable="true"], [role="combobox"]';
const ACTIVATABLE = `${TYPING}, button, a[href], [role="tab"], [role="button"], [role="menuitem"]`;

/** Letters typed into a field are text, not shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TYPING) !== null;
}

/** Enter on a button or tab belongs to that control. */
export function isActivatableTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(ACTIVATABLE) !== null;
}

export function hasCommandModifier(e: KeyboardEvent): boolean {
  return e.ctrlKey || e.metaKey || e.altKey;
}

/** While a dialog or drawer is open, keys belong to it (antd closes it on Esc). */
export function useOverlayOpen(): boolean {
  const shell = useShell((s) => s.intakeOpen || s.shortcutsOpen);
  const drawer = useQueue((s) => s.openId !== null);
  const sync = useSyncPanel((s) => s.open);
  return shell || drawer || sync;
}

/**
 * A window-level keydown listener that always sees the latest props and state. `capture`: it
 * hears the key before any other listener has acted on it (and re-rendered the page).
 */
export function useKeydown(
  handler: (e: KeyboardEvent) => void,
  enabled = true,
  phase: 'bubble' | 'capture' = 'bubble',
): void {
  const onKeyDown = useEffectEvent(handler);
  useEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => onKeyDown(e);
    const capture = phase === 'capture';
    window.addEventListener('keydown', listener, capture);
    return () => window.removeEventListener('keydown', listener, capture);
  }, [enabled, phase]);
}

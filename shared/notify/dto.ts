/**
 * A desktop notification main decided the signed-in user should get: an L2/L3 escalation they
 * are a recipient of, or cases someone else assigned to them. Texts are i18n keys of
 * shared/notify/messages.ts, so Electron main and the renderer word it alike.
 */
export interface Notice {
  /** Unique per notice: the renderer's list key and the native notification's tag. */
  id: string;
  kind: 'escalation' | 'assigned';
  titleKey: string;
  bodyKey: string;
  params: Record<string, string | number>;
  /** The case a click opens (the first one when a notice stands for several). */
  caseId: string;
  /** 3 for an L3 escalation: the only kind that plays a tone. */
  level: number;
  at: number;
}

export interface NotifySettings {
  /** Quiet mode: no desktop notifications or sound; the escalation inbox still fills. */
  quiet: boolean;
}

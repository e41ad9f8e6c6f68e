import { LIFECYCLE_MESSAGES } from '../lifecycle/messages';

/**
 * Names of statuses and history entries as people read them in an explanation, in both
 * languages, from the lifecycle's catalogue; unknown codes stay as they are.
 */
export interface Label {
  readonly en: string;
  readonly zh: string;
}

const lookup = (key: string, code: string): Label => ({
  en: (LIFECYCLE_MESSAGES.en as Record<string, string>)[key] ?? code,
  zh: (LIFECYCLE_MESSAGES['zh-CN'] as Record<string, string>)[key] ?? code,
});

export const statusLabel = (status: string): Label => lookup(`lifecycle.status.${status}`, status);

/** `transition.accept` → 受理 / Accept; fact types (e.g. `mediation.opinion_issued`) are shown as recorded. */
export const entryLabel = (type: string): Label =>
  type.startsWith('transition.')
    ? lookup(`lifecycle.transition.${type.slice('transition.'.length)}`, type)
    : lookup(type, type);

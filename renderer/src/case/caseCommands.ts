import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../forms/errorText';
import { useTranslator } from '../i18n/hooks';
import { useRpcMutation } from '../rpc/queries';
import { hasCommandModifier, isTypingTarget, useKeydown } from '../shell/keyboard';
import { useCasework } from './caseworkStore';

/**
 * The case commands the queue and the drawer share: `c` claims, `a` opens the staff picker.
 * The queue mounts `useCaseShortcuts(selectedId, …)` while no overlay is open; the drawer mounts
 * it for the open case. One definition, so the keys mean the same in both places.
 */
export function useCaseCommands() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const translator = useTranslator();
  const claim = useRpcMutation('casework.claim');
  const openAssign = useCasework((s) => s.openAssign);
  return {
    claim: (caseId: string) =>
      claim.mutate(
        { caseId },
        {
          onSuccess: () => void message.success(t('casework.saved')),
          onError: (error) => void message.error(errorText(error, translator)),
        },
      ),
    assign: (caseId: string) => openAssign([caseId], 'case'),
  };
}

export function useCaseShortcuts(caseId: string | null, enabled: boolean): void {
  const commands = useCaseCommands();
  const formOpen = useCasework((s) => s.form !== null || s.assignFor !== null);
  useKeydown(
    (e) => {
      if (!caseId || formOpen || hasCommandModifier(e) || isTypingTarget(e.target)) return;
      if (e.key === 'c') commands.claim(caseId);
      else if (e.key === 'a') commands.assign(caseId);
      else return;
      e.preventDefault();
    },
    enabled && caseId !== null,
  );
}

import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../forms/errorText';
import { useTranslator } from '../i18n/hooks';
import { useRpcMutation } from '../rpc/queries';
import { hasCommandModifier, isTypingTarget, useKeydown } from '../shell/keyboard';
import { AssignDialog } from './AssignDialog';
import { useCasework, type AssignSource } from './caseworkStore';

/**
 * The case commands the queue and the drawer share: `c` claims, `a` opens the staff picker.
 * The drawer binds them for the open case; the queue mounts `<CaseShortcuts>` for its current row
 * while no overlay is open. One definition, so the keys mean the same in both places.
 */
export function useCaseCommands(source: AssignSource = 'case') {
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
    assign: (caseId: string) => openAssign([caseId], source),
  };
}

export function useCaseShortcuts(
  caseId: string | null,
  enabled: boolean,
  source: AssignSource = 'case',
): void {
  const commands = useCaseCommands(source);
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

/**
 * For the queue: `c` and `a` on the current row, with its own staff picker (the assignment there
 * is checked against the assignee the store holds, and refused with the reason if it moved).
 */
export function CaseShortcuts({ caseId, enabled }: { caseId: string | null; enabled: boolean }) {
  useCaseShortcuts(caseId, enabled, 'queue');
  return <AssignDialog source="queue" />;
}

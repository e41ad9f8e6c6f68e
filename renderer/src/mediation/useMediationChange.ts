import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { MediationView } from '../../../shared/mediation/dto';
import type { Contract } from '../../../shared/rpc/contract';
import type { InputOf } from '../../../shared/rpc/define';
import { errorText } from '../forms/errorText';
import {
  placeProblems,
  problemsFromRpcError,
  problemsFromZodIssues,
  type FieldProblem,
} from '../forms/fieldErrors';
import { useTranslator } from '../i18n/hooks';
import { RpcCallError } from '../rpc/client';
import { rpcKey, useRpcMutation } from '../rpc/queries';

export type MediationChange =
  | 'mediation.revise'
  | 'mediation.setRepresentative'
  | 'mediation.addSession'
  | 'mediation.addProposal'
  | 'mediation.issueOpinion'
  | 'mediation.recordAgreement'
  | 'mediation.recordOutcome';

/**
 * One change of the mediation record from one form: checked first with the schema main checks it
 * with, then sent; field problems (ours or main's) land under their fields, anything else above
 * the form. The record main returns replaces the cached one, so the next change names its version.
 */
export function useMediationChange<N extends MediationChange>(
  name: N,
  schema: z.ZodType,
  fields: readonly string[],
) {
  const translator = useTranslator();
  const queryClient = useQueryClient();
  const mutation = useRpcMutation(name);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const placed = placeProblems(problems, new Set(fields), translator);

  const submit = async (input: InputOf<Contract[N]>): Promise<boolean> => {
    setFailure(null);
    const checked = schema.safeParse(input);
    if (!checked.success) {
      setProblems(problemsFromZodIssues(checked.error.issues));
      return false;
    }
    setProblems([]);
    try {
      const view = (await mutation.mutateAsync(input)) as MediationView;
      queryClient.setQueryData(rpcKey('mediation.get', { caseId: view.caseId }), view);
      return true;
    } catch (error) {
      if (error instanceof RpcCallError && error.error.code === 'VALIDATION_FAILED') {
        setProblems(problemsFromRpcError(error.error));
      } else setFailure(errorText(error, translator));
      return false;
    }
  };

  const help = (path: string) => placed.byField.get(path)?.[0];
  return {
    submit,
    pending: mutation.isPending,
    /** Props for the Form.Item of `path`. */
    item: (path: string) => ({
      validateStatus: help(path) ? ('error' as const) : undefined,
      help: help(path),
    }),
    failure: [...placed.unplaced, ...(failure ? [failure] : [])],
  };
}

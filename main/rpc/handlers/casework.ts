import type { caseworkProcedures } from '../../../shared/rpc/procedures/casework';
import { translate } from '../../../shared/i18n/translate';
import type { HandlersFor } from '../router';
import { actorOf, type HandlerDeps } from './deps';

export function caseworkHandlers({ store }: HandlerDeps): HandlersFor<typeof caseworkProcedures> {
  return {
    'casework.view': ({ caseId }, { session }) =>
      store.call('casework', 'view', caseId, actorOf(session), session.staff.roles),
    'casework.claim': async ({ caseId }, { session }) => {
      await store.call('casework', 'claim', caseId, actorOf(session));
      return null;
    },
    'casework.release': async ({ caseId }, { session }) => {
      await store.call('casework', 'release', caseId, actorOf(session), session.staff.roles);
      return null;
    },
    'casework.assign': async (input, { session }) => {
      await store.call('casework', 'assign', input, actorOf(session), session.staff.roles);
      return null;
    },
    'casework.addNote': ({ caseId, body }, { session }) =>
      store.call('casework', 'addNote', caseId, body, actorOf(session)),
    'casework.logContact': (input, { session }) =>
      store.call('casework', 'logContact', input, actorOf(session)),
    'casework.reveal': (input, { session }) =>
      store.call('casework', 'reveal', input, actorOf(session), session.staff.roles),
    'casework.duplicates': (input) => store.call('casework', 'duplicates', input),
    'casework.link': async (input, { session }) => {
      await store.call('casework', 'link', input, actorOf(session));
      return null;
    },
    'casework.bulk': async (input, { session }) => {
      const outcomes = await store.call('casework', 'bulk', input, actorOf(session), session.staff.roles);
      return outcomes.map((o) =>
        o.applied ? o : { ...o, message: translate(session.locale, o.key, o.params) },
      );
    },
  };
}

import type { leadsProcedures } from '../../../shared/rpc/procedures/leads';
import type { HandlersFor } from '../router';
import { actorOf, type HandlerDeps } from './deps';

export function leadsHandlers({ store }: HandlerDeps): HandlersFor<typeof leadsProcedures> {
  return {
    'leads.board': ({ myTeam, ...filter }, { session }) =>
      store.call('escalation', 'board', { ...filter, team: myTeam ? session.staff.team : null }),
    'leads.calendar': ({ weeks }) => store.call('escalation', 'calendar', weeks),
    'leads.escalations': (filter) => store.call('escalation', 'list', filter),
    'leads.acknowledge': async ({ id }, { session }) => {
      await store.call('escalation', 'acknowledge', id, actorOf(session));
      return null;
    },
    'leads.resolve': async ({ id, note }, { session }) => {
      await store.call('escalation', 'resolve', id, note, actorOf(session));
      return null;
    },
    'leads.snooze': async ({ id, until, reason }, { session }) => {
      await store.call('escalation', 'snooze', id, until, reason, actorOf(session));
      return null;
    },
    'leads.rules': () => store.call('escalation', 'rules'),
    'leads.saveRule': (rule, { session }) => store.call('escalation', 'saveRule', rule, actorOf(session)),
    'leads.evaluate': async () => {
      const { raised, climbed, ms } = await store.call('escalation', 'evaluateAll');
      return { raised: raised.length, climbed: climbed.length, ms };
    },
  };
}

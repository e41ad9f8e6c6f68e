import { mediationHtml } from '../../../shared/mediation/record-html';
import type { mediationProcedures } from '../../../shared/rpc/procedures/mediation';
import { RpcFailure } from '../../../shared/rpc/errors';
import type { HandlersFor } from '../router';
import { actorOf, type HandlerDeps } from './deps';

export function mediationHandlers({ store, printer }: HandlerDeps): HandlersFor<typeof mediationProcedures> {
  return {
    'mediation.get': ({ caseId }, { session }) =>
      store.call('mediation', 'view', caseId, actorOf(session), session.staff.roles),
    'mediation.revise': (input, { session }) =>
      store.call('mediation', 'revise', input, actorOf(session), session.staff.roles),
    'mediation.setRepresentative': (input, { session }) =>
      store.call('mediation', 'setRepresentative', input, actorOf(session), session.staff.roles),
    'mediation.addSession': (input, { session }) =>
      store.call('mediation', 'addSession', input, actorOf(session), session.staff.roles),
    'mediation.addProposal': (input, { session }) =>
      store.call('mediation', 'addProposal', input, actorOf(session), session.staff.roles),
    'mediation.issueOpinion': (input, { session }) =>
      store.call('mediation', 'issueOpinion', input, actorOf(session), session.staff.roles),
    'mediation.recordAgreement': (input, { session }) =>
      store.call('mediation', 'recordAgreement', input, actorOf(session), session.staff.roles),
    'mediation.recordOutcome': (input, { session }) =>
      store.call('mediation', 'recordOutcome', input, actorOf(session), session.staff.roles),
    'mediation.exportPdf': async ({ caseId }, { session }) => {
      const doc = await store.call('mediation', 'document', caseId, actorOf(session), session.staff.roles);
      let pdf: Uint8Array;
      try {
        pdf = await printer.print(mediationHtml(doc));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new RpcFailure('INTERNAL', 'mediation.pdf.unavailable', { reason });
      }
      const title = doc.outcome === 'agreed' ? '调解书' : '调解记录';
      return { fileName: `${title}-${doc.caseNo}.pdf`, base64: Buffer.from(pdf).toString('base64') };
    },
  };
}

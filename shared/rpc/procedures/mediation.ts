import type { MediationView, PdfFile } from '../../mediation/dto';
import {
  agreementSchema,
  caseRef,
  opinionSchema,
  outcomeSchema,
  proposalSchema,
  representativeSchema,
  reviseSchema,
  sessionSchema,
} from '../../mediation/schemas';
import type { Role } from '../../domain/roles';
import { procedure } from '../define';

/** Mediators run mediations; handlers and team leads may keep the record too (the store checks who holds the case). */
const MEDIATION_ROLES: readonly Role[] = ['mediator', 'handler', 'team_lead', 'admin'];

/** The mediation record of a case (DOMAIN §1.8); every change returns the record as it now is. */
export const mediationProcedures = {
  'mediation.get': procedure<MediationView>().query(caseRef, MEDIATION_ROLES),
  'mediation.revise': procedure<MediationView>().mutation(reviseSchema, MEDIATION_ROLES),
  'mediation.setRepresentative': procedure<MediationView>().mutation(representativeSchema, MEDIATION_ROLES),
  'mediation.addSession': procedure<MediationView>().mutation(sessionSchema, MEDIATION_ROLES),
  'mediation.addProposal': procedure<MediationView>().mutation(proposalSchema, MEDIATION_ROLES),
  'mediation.issueOpinion': procedure<MediationView>().mutation(opinionSchema, MEDIATION_ROLES),
  'mediation.recordAgreement': procedure<MediationView>().mutation(agreementSchema, MEDIATION_ROLES),
  'mediation.recordOutcome': procedure<MediationView>().mutation(outcomeSchema, MEDIATION_ROLES),
  /** The printable record with the parties' personal data: audited in the case's trail. */
  'mediation.exportPdf': procedure<PdfFile>().mutation(caseRef, MEDIATION_ROLES),
} as const;

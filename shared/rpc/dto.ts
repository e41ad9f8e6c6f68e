import type { AppellantRole, Channel, Demand, ServiceType } from '../domain/channel';
import type { Role } from '../domain/roles';
import type { CaseStatus } from '../domain/status';
import type { PrerequisiteWarning } from '../domain/appeal';
import type { CaseLifecycleState, TransitionName } from '../lifecycle';

export type Locale = 'zh-CN' | 'en';

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' or 'web': which transport this window is served over. */
  host: 'electron' | 'web';
  dataDir: string;
  caseCount: number;
  schema: string[];
}

export interface StaffMember {
  id: string;
  name: string;
  roles: Role[];
  team: string | null;
}

export interface Session {
  staff: StaffMember;
  workstation: string;
  locale: Locale;
  /** No sync server configured: the embedded default. */
  standalone: boolean;
}

export interface CarrierRef {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: 'postal' | 'express';
  waybillPattern: string;
  acceptsS10: boolean;
  waybillExample: string;
}

export interface ReferenceData {
  carriers: CarrierRef[];
  staff: StaffMember[];
}

/** A queue row. Personal data is masked unless revealed (an audited action, later issue). */
export interface CaseListItem {
  id: string;
  caseNo: string;
  status: CaseStatus;
  channel: Channel;
  receivedAt: number;
  appellantName: string;
  appellantPhone: string;
  carrierId: string;
  waybillNo: string;
  category: string;
  reason: string;
  assigneeId: string | null;
  priority: number;
}

export interface CasePage {
  items: CaseListItem[];
  /** Opaque keyset cursor for the next page, or null at the end. */
  nextCursor: string | null;
}

export interface CaseDetail extends CaseListItem {
  appellantRole: AppellantRole;
  outlet: string | null;
  serviceType: ServiceType;
  originProvince: string;
  destProvince: string;
  description: string;
  demand: Demand;
  demandAmountYuan: number | null;
  priorComplaintMade: boolean;
  priorComplaintDate: string | null;
  priorComplaintResult: string | null;
  profileId: string;
  profileVersion: number;
  transferCount: number;
  createdAt: number;
  updatedAt: number;
  /** How often each descriptive field was corrected: an edit names these as its base (shared/domain/caseEdits.ts). */
  fieldVersions: Record<string, number>;
  lifecycle: CaseLifecycleState;
  /** What the session's roles may do next (the server checks again when they do it). */
  available: TransitionName[];
}

/** One entry of a case's audit trail, as the timeline shows it. */
export interface CaseEventView {
  seq: number;
  type: string;
  at: number;
  actorId: string;
  actorName: string | null;
  workstation: string;
  status: CaseStatus;
  data: unknown;
}

export interface RegisterResult {
  case: CaseDetail;
  warnings: PrerequisiteWarning[];
}

export interface DemoStatus {
  caseCount: number;
  /** True when the store is empty and demo data can be loaded. */
  offerDemo: boolean;
}

export interface DataChanged {
  tables: string[];
  caseIds?: string[];
}

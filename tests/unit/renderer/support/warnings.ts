import type { PrerequisiteWarning } from '../../../../shared/domain/appeal';

/** Every prerequisite warning main can return; the record type fails to compile if one is added. */
const ALL: Record<PrerequisiteWarning, true> = { no_prior_complaint: true, carrier_window_open: true };
export const PREREQUISITE_WARNINGS = Object.keys(ALL) as PrerequisiteWarning[];

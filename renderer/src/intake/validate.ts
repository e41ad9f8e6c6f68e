import { registerAppealSchema } from '../../../shared/domain/appeal';
import { checkWaybill } from '../../../shared/domain/waybill';
import type { CarrierRef } from '../../../shared/rpc/dto';
import { problemsFromZodIssues, type FieldProblem } from '../forms/fieldErrors';
import { toRegisterInput, type IntakeValues } from './formValues';

/**
 * The same checks main runs, so most mistakes show before the round trip: the shared zod schema,
 * and the carrier's waybill format from the reference data. Main stays authoritative.
 */
export function checkIntake(values: IntakeValues, carriers: readonly CarrierRef[]): FieldProblem[] {
  const result = registerAppealSchema.safeParse(toRegisterInput(values));
  const problems = result.success ? [] : problemsFromZodIssues(result.error.issues);

  const carrier = carriers.find((c) => c.id === values.carrierId);
  const waybill = values.waybillNo ?? '';
  if (carrier && waybill.trim() && !problems.some((p) => p.path === 'waybillNo')) {
    const problem = checkWaybill(waybill, carrier);
    if (problem === 'pattern') {
      problems.push({
        path: 'waybillNo',
        key: 'validation.waybill.pattern',
        // Both names, as main sends them: each language's message picks its own.
        params: { carrier: carrier.nameZh, carrierEn: carrier.nameEn, example: carrier.waybillExample },
      });
    } else if (problem === 's10_check_digit') {
      problems.push({ path: 'waybillNo', key: 'validation.waybill.s10' });
    }
  }
  return problems;
}

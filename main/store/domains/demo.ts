import type { DemoStatus } from '../../../shared/rpc/dto';
import { RpcFailure } from '../../../shared/rpc/errors';
import { loadImportedYears } from '../../calendar/imported-years';
import { writeDemoData } from '../../seed/write';
import type { Actor } from '../audit';
import type { StoreContext } from '../context';

/** First start: an empty store may be filled with demo appeals. */
export function demoDomain(ctx: StoreContext) {
  const caseCount = () => (ctx.db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n;
  return {
    status(): DemoStatus {
      const n = caseCount();
      return { caseCount: n, offerDemo: n === 0 };
    },
    /** Demo data goes only into an empty store, so it can never mix with real appeals. */
    load(cases: number, actor: Actor): { written: number } {
      if (caseCount() > 0) throw new RpcFailure('CONFLICT', 'errors.demo.notEmpty');
      const { written } = writeDemoData(ctx.db, {
        cases,
        actorWorkstation: actor.workstation,
        calendarYears: loadImportedYears(ctx.dataDir),
      });
      ctx.changed({ tables: ['cases', 'staff', 'case_deadlines'] });
      return { written };
    },
  };
}

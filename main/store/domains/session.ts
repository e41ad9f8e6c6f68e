import { hostname } from 'node:os';
import type { Locale, ReferenceData, StaffMember } from '../../../shared/rpc/dto';
import type { StoreContext } from '../context';
import { getMeta, getStaff, listCarriers, listStaff, LOCAL_OPERATOR_ID, setMeta } from '../reference';

export interface SessionState {
  staff: StaffMember;
  workstation: string;
  locale: Locale;
}

/** Who is working at this workstation, in which language, and the reference data they need. */
export function sessionDomain({ db, schema }: StoreContext) {
  const session = (): SessionState => {
    const staffId = getMeta(db, 'session.staffId') ?? LOCAL_OPERATOR_ID;
    const staff = getStaff(db, staffId) ?? getStaff(db, LOCAL_OPERATOR_ID)!;
    return {
      staff,
      workstation: getMeta(db, 'workstation.name') ?? hostname(),
      locale: (getMeta(db, 'session.locale') as Locale | null) ?? 'zh-CN',
    };
  };
  return {
    info: () => ({
      caseCount: (db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n,
      schema: [...schema],
    }),
    session,
    setLocale(locale: Locale): SessionState {
      setMeta(db, 'session.locale', locale);
      return session();
    },
    reference: (): ReferenceData => ({ carriers: listCarriers(db), staff: listStaff(db) }),
  };
}

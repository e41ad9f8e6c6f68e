import type { CalendarYear } from '../../shared/calendar';

/**
 * A made-up State Council notice for 2027 (not yet published): Spring Festival 5–11 February and
 * one make-up Saturday. As a file an administrator would import, then as the calendar stores it.
 */
export const NOTICE_2027 = {
  year: 2027,
  holidays: [
    {
      name: '春节',
      dates: [
        '2027-02-05',
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-02-09',
        '2027-02-10',
        '2027-02-11',
      ],
    },
  ],
  makeUpWorkdays: ['2027-02-20'],
};

export const IMPORTED_2027: CalendarYear = { ...NOTICE_2027, source: 'import' };

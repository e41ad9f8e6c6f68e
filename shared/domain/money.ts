/** Money is stored in fen (integers) so that sums are exact; forms and people use yuan. */
export const yuanToFen = (yuan: number): number => Math.round(yuan * 100);

export const fenToYuan = (fen: number): number => fen / 100;

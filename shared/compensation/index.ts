export * from './calculate';
export { COMPENSATION_MESSAGES } from './messages';

/** Indicator sets page: list every version, import a set, export JSON / Excel template. */
export { SetsPage } from './SetsPage';

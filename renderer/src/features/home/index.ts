/** The start page ('/'): composes the unit profile (unit/) and the list of assessments (assessments/). */
export { HomePage } from './HomePage';

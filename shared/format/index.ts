/** The one formatting module: numbers (points, percentages, index, sizes) and dates, for every layer. */
export { formatBytes, formatDeduction, formatDifference, formatIndex, formatNumber, formatPercent, formatPercentOf, formatPoints, formatScaled, numberInputExample, parseNumberInput } from './numbers';
export { daysUntil, formatDate, formatDateTime, formatLocalDate, isCompleteDmy, isoDateOf, parseDmy } from './dates';

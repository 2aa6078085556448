/**
 * "Today" for deadlines and dates in reports: the calendar day in Vietnam (UTC+7, no daylight saving),
 * whatever time zone the PC is set to — a unit in Hải Phòng at 06:00 is not "yesterday".
 */
export const unitDay = (now: Date): string => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

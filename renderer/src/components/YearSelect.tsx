/**
 * "Năm đánh giá": the year chooser of the pages that show one year at a time (inbox, register, decisions,
 * round dashboard). With no year yet it is disabled and says so (`noYear`), rather than showing an empty list.
 */
export const YearSelect = ({
  label,
  noYear,
  years,
  value,
  onChange,
  className = 'field',
  testId,
}: {
  label: string;
  noYear: string;
  years: readonly number[];
  value: number | null | undefined;
  onChange: (year: number) => void;
  className?: string;
  testId?: string;
}) => (
  <label className={className}>
    <span>{label}</span>
    <select value={value ?? ''} disabled={years.length === 0} onChange={(e) => onChange(Number(e.target.value))} {...(testId ? { 'data-testid': testId } : {})}>
      {years.length === 0 && <option value="">{noYear}</option>}
      {years.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </select>
  </label>
);

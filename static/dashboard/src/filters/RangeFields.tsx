import { DatePicker } from '@atlaskit/datetime-picker';
import type { DashboardFiltersInput, DashboardSummary } from '../../../../src/shared/dashboard-contract';
import { parseDayInput } from '../../../shared/day-input';
import type { FieldError } from '../url-state';

/** The custom range's two days, each with its own error, in the dashboard's one date format. */
export function RangeFields({
  filters,
  today,
  summary,
  problem,
  onChange,
}: {
  filters: DashboardFiltersInput;
  today: string;
  summary: DashboardSummary | null;
  problem: FieldError | null;
  onChange: (patch: { from?: string; to?: string }) => void;
}) {
  const day = (field: 'from' | 'to', label: string) => (
    <div className="filter" data-testid={`filter-${field}`}>
      <label htmlFor={`filter-${field}-input`} id={`filter-${field}-label`}>
        {label}
      </label>
      <DatePicker
        id={`filter-${field}-input`}
        value={filters[field] ?? ''}
        maxDate={today}
        dateFormat="YYYY-MM-DD"
        parseInputValue={parseDayInput}
        placeholder="YYYY-MM-DD"
        weekStartDay={1}
        spacing="compact"
        isInvalid={problem?.field === field}
        onChange={(v) => onChange({ [field]: v })}
        inputLabelId={`filter-${field}-label`}
        testId={`filter-${field}-picker`}
        aria-describedby={problem?.field === field ? 'range-error' : undefined}
      />
    </div>
  );
  return (
    <>
      {day('from', 'From')}
      {day('to', 'To')}
      {problem && (
        <p className="field-error" id="range-error" role="alert" data-testid="range-error">
          {problem.message} Showing {summary ? `${summary.range.from} to ${summary.range.to}` : 'the last valid range'}.
        </p>
      )}
    </>
  );
}

import { DatePicker } from '@atlaskit/datetime-picker';
import { useId } from 'react';
import { parseDayInput } from '../../../shared/day-input';
import { describedBy, FieldFrame } from './Field';

interface Props {
  label: string;
  /** yyyy-mm-dd, the admin's calendar day. */
  value: string;
  onChange: (v: string) => void;
  /** The latest day the calendar offers; a later typed day is refused by the form's check. */
  max?: string;
  error?: string;
}

/** Atlassian's date picker (typed as YYYY-MM-DD or chosen on its calendar) with our label and error. */
export function DateField({ label, value, onChange, max, error }: Props) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error}>
      <DatePicker
        id={id}
        value={value}
        onChange={onChange}
        maxDate={max}
        dateFormat="YYYY-MM-DD"
        parseInputValue={parseDayInput}
        placeholder="YYYY-MM-DD"
        isInvalid={!!error}
        aria-describedby={describedBy(id, undefined, error)}
        locale="en-GB"
        weekStartDay={1}
      />
    </FieldFrame>
  );
}

import ProgressBar from '@atlaskit/progress-bar';

/**
 * A run's progress bar, named for assistive technology. Its value is the share done, from 0 to 1
 * (aria-valuemin 0, aria-valuemax 1), which a screen reader reads out as a percentage.
 */
export function RunBar({ label, percent }: { label: string; percent: number }) {
  return (
    <div className="run-bar">
      <ProgressBar ariaLabel={label} value={Math.min(100, Math.max(0, percent)) / 100} testId="run-bar" />
    </div>
  );
}

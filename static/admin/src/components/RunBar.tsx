/**
 * A progress bar with its value for assistive technology. A stand-in: no Atlassian progress-bar
 * package is installed; it is drawn with the same design tokens.
 */
export function RunBar({ label, percent }: { label: string; percent: number }) {
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div style={{ width: `${percent}%` }} />
    </div>
  );
}

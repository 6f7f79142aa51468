/**
 * Stands in for the date picker's typed-date parser, which falls back to date-fns' `parse` (~30 KB
 * of format-token parsers) when no `parseInputValue` is given. Every date picker in these apps
 * passes one (parseDayInput, ../day-input.ts), so only the two branches that do not need date-fns
 * are kept: the app's parser, else the locale's.
 */
interface ParseInjections {
  parseInputValue?: (date: string, dateFormat: string) => Date;
  dateFormat?: string;
  l10n: { parseDate: (date: string) => Date };
}

export const parseDate = (date: string, di: ParseInjections): Date =>
  di.parseInputValue ? di.parseInputValue(date, di.dateFormat ?? 'YYYY/MM/DD') : di.l10n.parseDate(date);

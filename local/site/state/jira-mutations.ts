import type { SiteState } from '../site-state';

export interface JiraMutations {
  readonly _jira?: never;
}
export const jiraMutations: ThisType<SiteState> & Partial<JiraMutations> = {};

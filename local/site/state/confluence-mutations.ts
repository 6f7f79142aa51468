import type { SiteState } from '../site-state';

export interface ConfluenceMutations {
  readonly _confluence?: never;
}
export const confluenceMutations: ThisType<SiteState> & Partial<ConfluenceMutations> = {};

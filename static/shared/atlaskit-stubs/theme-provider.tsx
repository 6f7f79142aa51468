import type { ReactNode } from 'react';

/**
 * Stands in for Atlaskit's ThemeProvider, which portals render only inside a ThemeProvider. The
 * apps never render one: Jira itself loads the token themes into the frame (view.theme.enable),
 * so the provider's own theme loader (every token theme as a chunk) would be dead weight.
 */
export function ThemeProvider({ children }: { children?: ReactNode; defaultColorMode?: string }) {
  return <>{children}</>;
}

export default ThemeProvider;

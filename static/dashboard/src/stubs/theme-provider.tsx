import type { ReactNode } from 'react';

/**
 * Stands in for Atlaskit's ThemeProvider, which portals render only inside an AppProvider. The
 * dashboard has none (Forge's view.theme.enable() themes the frame), so it is never rendered;
 * the real one would ship every theme file as a lazy chunk.
 */
export function ThemeProvider({ children }: { children?: ReactNode; defaultColorMode?: string }) {
  return <>{children}</>;
}
export default ThemeProvider;

/**
 * Stands in for the heavy parts of @atlaskit/top-layer (the native popover and <dialog> layer).
 * The Atlaskit components draw through it only on their `platform-dst-top-layer` paths, which are
 * feature-gated and always off in a Custom UI app (see feature-gates.ts); the menus, dialogs
 * and tooltips here use the portal paths. Reaching one of these says so loudly instead of drawing
 * nothing.
 */
function off(name: string): never {
  throw new Error(`${name}: the top-layer path of the Atlassian components is not part of these apps`);
}

export const Popover = (): never => off('Popover');
export const PopoverSurface = (): never => off('PopoverSurface');
export const Dialog = (): never => off('Dialog');
export const DialogScrollLock = (): never => off('DialogScrollLock');
export const useAnchoredPopover = (): never => off('useAnchoredPopover');
export const useAnchoredPopoverAtPoint = (): never => off('useAnchoredPopoverAtPoint');
export const useSimpleLightDismiss = (): never => off('useSimpleLightDismiss');
export const createPopoverCloseEvent = (): never => off('createPopoverCloseEvent');

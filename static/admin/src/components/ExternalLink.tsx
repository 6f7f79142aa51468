import { router } from '@forge/bridge';
import type { ReactNode } from 'react';

/**
 * A link to a page outside Jira. In Custom UI, Forge opens it after asking the user
 * (router.open: https://developer.atlassian.com/platform/forge/custom-ui-bridge/router/); the
 * href keeps it a real link for keyboards, screen readers and "copy link".
 */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(e) => {
        e.preventDefault();
        void router.open(href).catch(() => window.open(href, '_blank', 'noopener'));
      }}
    >
      {children}
    </a>
  );
}

/** Atlassian's page where a person creates an API token for their account. */
export const API_TOKENS_URL = 'https://id.atlassian.com/manage-profile/security/api-tokens';

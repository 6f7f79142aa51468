/** Shape checks for what an admin types, with messages that say what to fix. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;

export function emailProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Enter an email address.';
  if (v.length > 254 || !EMAIL.test(v)) return `"${v.slice(0, 80)}" is not an email address (expected name@example.com).`;
  return undefined;
}

export function accountIdProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Enter an account ID.';
  if (v.includes('@')) return 'This looks like an email: choose "Email" as the type, or enter the account ID.';
  if (!ACCOUNT_ID.test(v)) return 'An Atlassian account ID has only letters, digits, ":", "-" and "_" (for example 5b10ac8d82e05b22cc7d4ef5).';
  return undefined;
}

/** API tokens never contain whitespace; one that does was copied with a line break or a space. */
export function tokenProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Paste the API token.';
  if (/\s/.test(v)) return 'The token contains spaces or line breaks: copy it again from your Atlassian account (Security → API tokens).';
  if (v.length < 16) return 'This is too short to be an Atlassian API token: copy the whole token.';
  return undefined;
}

import type { ApiFamily } from './http-types';

const V2_CODES: Record<number, [string, string]> = {
  400: ['INVALID_REQUEST_PARAMETER', 'Bad Request'],
  401: ['UNAUTHORIZED', 'Unauthorized'],
  403: ['FORBIDDEN', 'Forbidden'],
  404: ['NOT_FOUND', 'Not Found'],
  405: ['METHOD_NOT_ALLOWED', 'Method Not Allowed'],
  410: ['GONE', 'Gone'],
  429: ['TOO_MANY_REQUESTS', 'Too Many Requests'],
  500: ['INTERNAL_SERVER_ERROR', 'Internal Server Error'],
  502: ['BAD_GATEWAY', 'Bad Gateway'],
  503: ['SERVICE_UNAVAILABLE', 'Service Unavailable'],
};

/**
 * Error bodies in each API family's own shape: Jira's ErrorCollection, Confluence v1's
 * `{statusCode, message}`, Confluence v2's `{errors:[{status, code, title, detail}]}`.
 */
export function errorBody(family: ApiFamily, status: number, message: string, fieldErrors: Record<string, string> = {}): unknown {
  switch (family) {
    case 'jira':
      return { errorMessages: [message], errors: fieldErrors };
    case 'confluence-v1':
      return {
        statusCode: status,
        data: { authorized: status !== 401 && status !== 403, valid: status !== 400, errors: [], successful: false },
        message,
      };
    case 'confluence-v2': {
      const [code, title] = V2_CODES[status] ?? ['ERROR', 'Error'];
      return { errors: [{ status, code, title, detail: message }] };
    }
  }
}

import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type Resolved = { ok: true; file: string } | { ok: false; status: 400 | 403 };

/**
 * Maps a URL path below a served folder to a file inside it. Anything that could step out of the
 * folder (`..` segments, encoded or not, backslashes, NUL, absolute paths) is refused outright
 * rather than normalised, so a crafted URL never reaches the file system.
 */
export function resolveInside(rootDir: string, urlSubPath: string): Resolved {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlSubPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 403 };
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return { ok: false, status: 403 };
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  if (file !== root && !file.startsWith(root + path.sep)) return { ok: false, status: 403 };
  return { ok: true, file };
}

/** Reads a regular file; undefined when it does not exist or is a folder. */
export async function readRegularFile(file: string): Promise<Buffer | undefined> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return undefined;
    return await fs.readFile(file);
  } catch {
    return undefined;
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSiteEmulator, type SiteEmulator } from '../../local/site/emulator';
import { RequestValidator } from '../../local/openapi/request-validator';
import { convert, SpecsMissingError } from '../../local/openapi/documents';
import { startLocalPlatform } from '../../local/platform';
import { RESPONSE_DEVIATIONS, SPEC_DEVIATIONS } from '../../local/site/spec-deviations';
import { smallSite } from './fixtures/small-site';
import { call, type Json } from './helpers';

/**
 * The emulator holds every request to the official OpenAPI documents: a request they do not
 * define gets a 400 naming the violation, and is recorded so that the test that sent it fails
 * unless it claims it (as these tests do).
 */

let emu: SiteEmulator;
beforeAll(async () => {
  emu = await createSiteEmulator({ sites: [smallSite()] });
});
afterAll(() => emu.close());

const refused = async (method: 'GET' | 'POST', p: string, body?: unknown): Promise<string[]> => {
  const r = await call(emu.baseUrl, method, p, { body });
  expect(r.status).toBe(400);
  const taken = emu.takeViolations();
  expect(taken).toHaveLength(1);
  expect(JSON.stringify(r.json as Json)).toContain('not defined by the official OpenAPI documents');
  return [...taken[0].violations];
};

describe('requests are held to the documents', () => {
  it('accepts documented requests, comma-separated and repeated list parameters alike', async () => {
    expect((await call(emu.baseUrl, 'GET', '/rest/api/3/search/jql?jql=project%3DOPEN&fields=summary,status&fields=assignee&maxResults=5')).status).toBe(200);
    expect((await call(emu.baseUrl, 'POST', '/rest/api/3/issue/bulkfetch', { body: { issueIdsOrKeys: ['ALPHA-1'], fields: ['summary'] } })).status).toBe(200);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('names an undefined query parameter, a wrong type and a value outside an enum', async () => {
    expect(await refused('GET', '/rest/api/3/search/jql?jql=project%3DOPEN&startAt=5')).toEqual([expect.stringMatching(/query parameter 'startAt' is not defined \(defined: jql, nextPageToken, maxResults/)]);
    expect(await refused('GET', '/rest/api/3/search/jql?jql=project%3DOPEN&maxResults=lots')).toEqual(['query.maxResults must be integer']);
    expect(await refused('GET', '/wiki/api/v2/pages?status=gone')).toEqual([expect.stringMatching(/query.status.0 must be equal to one of the allowed values \(allowed: current, archived, deleted, trashed\)/)]);
    expect(await refused('GET', '/wiki/api/v2/pages?limit=1&limit=2')).toEqual(["query parameter 'limit' is given 2 times but is not a list"]);
  });

  it('checks path parameters, methods and paths', async () => {
    expect(await refused('GET', '/wiki/api/v2/pages/not-a-number')).toEqual(['path.id must be integer']);
    expect(await refused('POST', '/rest/api/3/myself', {})).toEqual([expect.stringMatching(/defines \/rest\/api\/3\/myself for GET\b.* only, not POST/)]);
    expect(await refused('GET', '/rest/api/3/issues/ALPHA-1')).toEqual(['the jira document defines no path matching /rest/api/3/issues/ALPHA-1']);
  });

  it('checks the JSON body against the request schema', async () => {
    expect(await refused('POST', '/rest/api/3/issue/bulkfetch', { issueIds: ['ALPHA-1'] })).toEqual([
      "body must have required property 'issueIdsOrKeys'",
      "body must NOT have additional properties: 'issueIds'",
    ]);
    expect(await refused('POST', '/rest/api/3/comment/list', { ids: ['x'] })).toEqual(['body.ids.0 must be integer']);
    expect(await refused('POST', '/rest/api/3/comment/list')).toEqual(['the request body is required']);
  });

  it('requires a JSON content type on a JSON body', async () => {
    const r = await fetch(`${emu.baseUrl}/rest/api/3/comment/list`, {
      method: 'POST',
      headers: { 'x-forwarded-host': 'acme.atlassian.net', 'x-forge-identity': 'app', 'content-type': 'text/plain' },
      body: JSON.stringify({ ids: [40000] }),
    });
    expect(r.status).toBe(400);
    expect(emu.takeViolations().flatMap((v) => v.violations)).toEqual(['a JSON body needs Content-Type: application/json (got text/plain)']);
  });

  it('applies the listed deviations: gateway prefixes are stripped, undocumented endpoints pass as they are', () => {
    const v = new RequestValidator(SPEC_DEVIATIONS);
    const q = new URLSearchParams();
    expect(v.check({ method: 'GET', pathname: '/ex/jira/0a1b-cloud/rest/api/3/myself', query: q, body: undefined })).toEqual({ ok: true, operation: 'GET /rest/api/3/myself (jira)' });
    expect(v.check({ method: 'GET', pathname: '/ex/confluence/0a1b-cloud/wiki/api/v2/pages', query: q, body: undefined }).ok).toBe(true);
    expect(v.check({ method: 'GET', pathname: '/_edge/tenant_info', query: q, body: undefined }).ok).toBe(true);
    expect(new RequestValidator().check({ method: 'GET', pathname: '/_edge/tenant_info', query: q, body: undefined }).ok).toBe(false);
    for (const d of [...SPEC_DEVIATIONS.pathPrefixes, ...SPEC_DEVIATIONS.endpoints, ...SPEC_DEVIATIONS.queryParameters, ...RESPONSE_DEVIATIONS]) {
      expect(d.doc).toMatch(/^https:\/\/(developer|support|confluence)\.atlassian\.com\//);
    }
  });

  it('says clearly when the documents are missing instead of passing', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-specs-'));
    const saved = process.env.ATLASSIAN_SPECS_DIR;
    process.env.ATLASSIAN_SPECS_DIR = empty;
    try {
      expect(() => new RequestValidator()).toThrow(SpecsMissingError);
      expect(() => new RequestValidator()).toThrow(/OpenAPI document is missing .*shared\/specs/);
    } finally {
      if (saved === undefined) delete process.env.ATLASSIAN_SPECS_DIR;
      else process.env.ATLASSIAN_SPECS_DIR = saved;
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('refuses readOnly properties in a request body, as it refuses writeOnly ones in a response', () => {
    const schema = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } } };
    expect(convert(schema, '', 'request')).toEqual({ type: 'object', required: ['name'], properties: { id: false, name: { type: 'string' } } });
  });

  it('outside jest, the local platform prints each violation and sets a failing exit code', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const saved = process.exitCode;
    const p = await startLocalPlatform({ sites: [smallSite()], reportRequestViolations: true, useEnv: false, echoConsole: false, time: { mode: 'virtual' } });
    try {
      expect((await call(p.sites!.baseUrl, 'GET', '/rest/api/3/myself?fields=all')).status).toBe(400);
      expect(process.exitCode).toBe(1);
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^REQUEST NOT DEFINED BY THE OPENAPI DOCUMENTS \(answered 400\): GET \/rest\/api\/3\/myself\?fields=all .*query parameter 'fields' is not defined/));
      expect(p.sites!.takeViolations()).toHaveLength(1);
    } finally {
      process.exitCode = saved;
      errors.mockRestore();
      await p.close();
    }
  });
});

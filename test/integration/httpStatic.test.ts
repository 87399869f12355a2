// The server hands out the built client with a strict CSP and nothing outside its folder.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { silentLogger } from '../../server/log';

/** fetch() normalizes "..": send the raw path as a browser-less attacker would. */
function rawGet(url: string, path: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static client and HTTP hardening', () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bureau-static-'));
    await mkdir(join(dir, 'client', 'assets'), { recursive: true });
    await writeFile(join(dir, 'client', 'index.html'), '<!doctype html><title>Bureau</title>');
    await writeFile(join(dir, 'client', 'assets', 'app-1234.js'), 'console.log(1)');
    await writeFile(join(dir, 'secret.txt'), 'top secret');
    server = await startServer({ database: { kind: 'pglite', dataDir: null }, port: 0, staticDir: `${join(dir, 'client')}/`, log: silentLogger });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html at / with a strict content security policy', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Bureau</title>');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves hashed assets for long caching and answers unknown files with 404', async () => {
    const asset = await fetch(`${server.url}/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/nope.js`)).status).toBe(404);
  });

  it('never serves a file outside the client folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%E0%A4%A']) {
      expect([400, 403, 404]).toContain(await rawGet(server.url, path));
    }
  });

  it('answers the server info route with its protocol version', async () => {
    const info = (await (await fetch(`${server.url}/api/info`)).json()) as Record<string, unknown>;
    expect(info).toMatchObject({ name: 'bureau', schemaVersion: expect.any(Number) as number });
  });
});

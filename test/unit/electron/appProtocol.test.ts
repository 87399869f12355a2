import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, resolveAppFile } from '../../../electron/main/appProtocol';

const ROOT = path.resolve('/opt/Bureau/resources/app.asar/out/renderer');

describe('app:// file resolution', () => {
  it.each([
    ['app://bureau/', 'index.html'],
    ['app://bureau/index.html', 'index.html'],
    ['app://bureau/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://bureau/leave/requests/42', 'index.html'],
    ['app://bureau/assets/%E5%9B%BE.png', 'assets/图.png'],
    ['app://bureau/a/../index.html', 'index.html'],
  ])('maps %s into the renderer folder', (url, file) => {
    expect(resolveAppFile(ROOT, url)).toBe(path.join(ROOT, file));
  });

  it.each([
    'app://bureau/..%2f..%2f..%2fetc%2fpasswd',
    'app://bureau/assets/..%2F..%2F..%2Fsecret.json',
    'app://bureau/..%5c..%5cwindows%5cwin.ini',
    'app://bureau/index.html%00.png',
    'app://bureau/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://bureau/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(ROOT, url)).toBeNull();
  });

  // The URL parser folds plain and %2e-encoded dot segments before we see the path, so these
  // arrive as harmless paths inside the root rather than as traversals.
  it.each([
    'app://bureau/../../etc/passwd.txt',
    'app://bureau/%2e%2e/%2e%2e/etc/passwd.txt',
    'app://bureau//etc/passwd.txt',
    'app://bureau/%2Fetc%2Fpasswd.txt',
  ])('keeps %s inside the renderer folder', (url) => {
    expect(resolveAppFile(ROOT, url)).toBe(path.join(ROOT, 'etc/passwd.txt'));
  });
});

describe('app:// protocol handler', () => {
  const csp = "default-src 'self'; script-src 'self'";

  function handler(fetchFile = vi.fn((url: string) => Promise.resolve(new Response(`file ${url}`, { headers: { 'Content-Type': 'text/html' } })))) {
    return { fetchFile, handle: createAppProtocolHandler({ rendererRoot: ROOT, fetchFile, getContentSecurityPolicy: () => csp }) };
  }

  it('serves files through fetchFile with the CSP header', async () => {
    const { fetchFile, handle } = handler();
    const response = await handle(new Request('app://bureau/index.html'));
    expect(response.status).toBe(200);
    expect(fetchFile).toHaveBeenCalledWith(pathToFileURL(path.join(ROOT, 'index.html')).toString());
    expect(response.headers.get('Content-Security-Policy')).toBe(csp);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Type')).toBe('text/html');
  });

  it('answers a traversal attempt with 404 and reads nothing', async () => {
    const { fetchFile, handle } = handler();
    const response = await handle(new Request('app://bureau/..%2f..%2f..%2fetc%2fpasswd'));
    expect(response.status).toBe(404);
    expect(fetchFile).not.toHaveBeenCalled();
  });

  it('answers a missing file with 404', async () => {
    const { handle } = handler(vi.fn(() => Promise.reject(new Error('net::ERR_FILE_NOT_FOUND'))));
    expect((await handle(new Request('app://bureau/missing.js'))).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const { fetchFile, handle } = handler();
    expect((await handle(new Request('app://bureau/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    expect(fetchFile).not.toHaveBeenCalled();
  });
});

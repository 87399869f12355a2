import { describe, expect, it } from 'vitest';
import {
  buildContentSecurityPolicy,
  createOriginMatcher,
  hardenSession,
  hardenWebContents,
  serverConnectSources,
} from '../../../electron/main/security';
import { FakeSession, FakeWebContents, fakeEvent } from './fakes';

const isAppUrl = createOriginMatcher('app://bureau/index.html');

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents, isAppUrl);
  return contents;
}

function cspDirectives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('navigation', () => {
  it.each([
    'https://evil.example/',
    'http://localhost:3000/',
    'file:///etc/passwd',
    'app://other/index.html',
    'app://bureau.evil.example/',
    'javascript:alert(1)',
    'not a url',
  ])('prevents will-navigate to %s', (url) => {
    const event = fakeEvent(url);
    hardened().emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('prevents a redirect away from the app origin', () => {
    const event = fakeEvent('https://evil.example/phish');
    hardened().emit('will-redirect', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it.each(['app://bureau/index.html', 'app://bureau/leave/42', 'APP://BUREAU/#/inbox'])(
    'allows same-origin navigation to %s',
    (url) => {
      const contents = hardened();
      const navigate = fakeEvent(url);
      const redirect = fakeEvent(url);
      contents.emit('will-navigate', navigate);
      contents.emit('will-redirect', redirect);
      expect(navigate.defaultPrevented).toBe(false);
      expect(redirect.defaultPrevented).toBe(false);
    },
  );

  it('compares port too for an http dev origin', () => {
    const devOrigin = createOriginMatcher('http://localhost:5173/');
    expect(devOrigin('http://localhost:5173/settings')).toBe(true);
    expect(devOrigin('http://localhost:3000/')).toBe(false);
    expect(devOrigin('http://user@localhost:5173/')).toBe(false);
  });

  it('denies every window.open and opens nothing', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://bureau/index.html' })).toEqual({
      action: 'deny',
    });
  });

  it('refuses to attach a <webview>', () => {
    const event = fakeEvent();
    hardened().emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('permissions', () => {
  function hardenedSession(): FakeSession {
    const session = new FakeSession();
    hardenSession(session, () => "default-src 'self'");
    return session;
  }

  it.each(['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal', 'unknown'])(
    'denies a %s permission request',
    (permission) => {
      const granted: boolean[] = [];
      hardenedSession().permissionRequestHandler?.({}, permission, (grant) => granted.push(grant));
      expect(granted).toEqual([false]);
    },
  );

  it('answers every permission check with false', () => {
    const session = hardenedSession();
    for (const permission of ['notifications', 'clipboard-sanitized-write', 'usb', 'fullscreen']) {
      expect(session.permissionCheckHandler?.({}, permission)).toBe(false);
    }
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });
});

describe('content security policy', () => {
  it('has the strict directives and the configured server in connect-src', () => {
    const directives = cspDirectives(
      buildContentSecurityPolicy({ serverUrl: 'https://oa.agency.gov.cn:8443/bureau' }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      'https://oa.agency.gov.cn:8443',
      'wss://oa.agency.gov.cn:8443',
    ]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('maps http to ws and drops anything that is not http(s)', () => {
    expect(serverConnectSources('http://10.1.2.3:3000')).toEqual(['http://10.1.2.3:3000', 'ws://10.1.2.3:3000']);
    expect(serverConnectSources('ftp://10.1.2.3')).toEqual([]);
    expect(serverConnectSources('nonsense')).toEqual([]);
  });

  it('sets the header on responses, replacing any policy they carried', () => {
    const session = new FakeSession();
    let serverUrl = 'http://10.1.2.3:3000';
    hardenSession(session, () => buildContentSecurityPolicy({ serverUrl }));

    const response = session.respond({
      'content-type': ['text/html'],
      'content-security-policy': ["default-src *; script-src * 'unsafe-eval'"],
    });
    const headers = response.responseHeaders ?? {};
    expect(headers['content-type']).toEqual(['text/html']);
    expect(headers['content-security-policy']).toBeUndefined();
    const policy = [headers['Content-Security-Policy']].flat().join('');
    expect(cspDirectives(policy).get('connect-src')).toEqual([
      "'self'",
      'http://10.1.2.3:3000',
      'ws://10.1.2.3:3000',
    ]);
    expect(policy).not.toContain('unsafe-eval');

    // A changed server URL takes effect from the next response on.
    serverUrl = 'https://new.agency.gov.cn';
    const next = [session.respond({})?.responseHeaders?.['Content-Security-Policy']].flat().join('');
    expect(next).toContain('connect-src \'self\' https://new.agency.gov.cn wss://new.agency.gov.cn');
  });

  it("adds 'unsafe-inline' to script-src only when asked (dev server)", () => {
    const dev = cspDirectives(buildContentSecurityPolicy({ serverUrl: 'http://x.test', allowInlineScripts: true }));
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

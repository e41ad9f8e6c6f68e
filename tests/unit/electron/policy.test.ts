import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  appRequestPath,
  dataDirFlag,
  isAppBlobDownload,
  isAppUrl,
  isExternalUrlAllowed,
  isNavigationAllowed,
  isTrustedSender,
  isValidRpcName,
  type SenderFacts,
} from '../../../main/electron/policy';

const ourMainFrame: SenderFacts = {
  fromOurWebContents: true,
  frame: { url: APP_ENTRY_URL, isOurMainFrame: true },
};

describe('IPC sender check', () => {
  it('accepts the main frame of our window showing our page', () => {
    expect(isTrustedSender(ourMainFrame)).toBe(true);
    expect(
      isTrustedSender({
        ...ourMainFrame,
        frame: { url: 'app://desk/case/42?tab=log#x', isOurMainFrame: true },
      }),
    ).toBe(true);
  });

  it.each<[string, SenderFacts]>([
    ['another webContents', { ...ourMainFrame, fromOurWebContents: false }],
    ['a destroyed or navigated frame (senderFrame null)', { fromOurWebContents: true, frame: null }],
    [
      'a subframe of our window',
      { fromOurWebContents: true, frame: { url: APP_ENTRY_URL, isOurMainFrame: false } },
    ],
    [
      'our main frame after navigating to a web page',
      { fromOurWebContents: true, frame: { url: 'https://evil.example/', isOurMainFrame: true } },
    ],
    [
      'our main frame on file://',
      {
        fromOurWebContents: true,
        frame: { url: 'file:///work/out/renderer/index.html', isOurMainFrame: true },
      },
    ],
    [
      'another app:// host',
      { fromOurWebContents: true, frame: { url: 'app://desk.evil/', isOurMainFrame: true } },
    ],
    [
      'app:// with credentials',
      { fromOurWebContents: true, frame: { url: 'app://x@desk/', isOurMainFrame: true } },
    ],
    ['about:blank', { fromOurWebContents: true, frame: { url: 'about:blank', isOurMainFrame: true } }],
    ['an unparsable URL', { fromOurWebContents: true, frame: { url: 'not a url', isOurMainFrame: true } }],
  ])('refuses %s', (_what, facts) => {
    expect(isTrustedSender(facts)).toBe(false);
  });
});

describe('app:// URLs', () => {
  it('are recognised by parsed parts, not by prefix', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://desk')).toBe(true);
    expect(isAppUrl('app://desk.evil/')).toBe(false);
    expect(isAppUrl('app:desk/')).toBe(false);
  });
});

describe('downloads', () => {
  it('allows only blobs the app page made itself', () => {
    expect(isAppBlobDownload('blob:app://desk/0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    for (const url of [
      'blob:https://evil.example/0f8fad5b-d9cb-469f-a165-70867728950e',
      'blob:app://other/0f8fad5b-d9cb-469f-a165-70867728950e',
      'blob:app://desk/../etc/passwd',
      'app://desk/index.html',
      'https://www.spb.gov.cn/file.pdf',
      'data:application/pdf;base64,AAAA',
      'blob:null/0f8fad5b-d9cb-469f-a165-70867728950e',
    ]) {
      expect(isAppBlobDownload(url), url).toBe(false);
    }
  });
});

describe('navigation allow-list', () => {
  it('allows only app://desk', () => {
    expect(isNavigationAllowed('app://desk/')).toBe(true);
    expect(isNavigationAllowed('app://desk/index.html#/queue')).toBe(true);
    expect(isNavigationAllowed('APP://DESK/index.html')).toBe(true);
  });

  it.each([
    'https://www.spb.gov.cn/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'app://desk.attacker.com/',
    'app://deskx/',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'about:blank',
    '',
  ])('refuses %j', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });
});

describe('external links', () => {
  it('opens https links to allow-listed hosts', () => {
    expect(isExternalUrlAllowed('https://www.spb.gov.cn/')).toBe(true);
    expect(isExternalUrlAllowed('https://sswz.spb.gov.cn/some/page?q=1')).toBe(true);
    expect(isExternalUrlAllowed('https://SSWZ.SPB.GOV.CN/')).toBe(true);
  });

  it.each([
    ['plain http', 'http://www.spb.gov.cn/'],
    ['a look-alike suffix (startsWith would let it through)', 'https://www.spb.gov.cn.attacker.com/'],
    ['a look-alike subdomain', 'https://evil.sswz.spb.gov.cn/'],
    ['credentials that hide the real host', 'https://www.spb.gov.cn@attacker.com/'],
    ['credentials on an allowed host', 'https://user:pw@www.spb.gov.cn/'],
    ['a non-default port', 'https://www.spb.gov.cn:8443/'],
    ['file://', 'file:///C:/Windows/System32/calc.exe'],
    ['a custom protocol handler', 'ms-msdt:/id PCWDiagnostic'],
    ['garbage', '%%%'],
  ])('refuses %s', (_what, url) => {
    expect(isExternalUrlAllowed(url)).toBe(false);
  });

  it('uses the allow-list it is given', () => {
    expect(isExternalUrlAllowed('https://example.org/', ['example.org'])).toBe(true);
    expect(isExternalUrlAllowed('https://www.spb.gov.cn/', ['example.org'])).toBe(false);
  });
});

describe('RPC names and app:// requests', () => {
  it('accepts bounded strings only', () => {
    expect(isValidRpcName('cases.list')).toBe(true);
    expect(isValidRpcName('x'.repeat(100))).toBe(true);
    expect(isValidRpcName('x'.repeat(101))).toBe(false);
    expect(isValidRpcName('')).toBe(false);
    expect(isValidRpcName(42)).toBe(false);
    expect(isValidRpcName({ toString: () => 'cases.list' })).toBe(false);
    expect(isValidRpcName(undefined)).toBe(false);
  });

  it('maps app://desk paths and refuses other hosts and methods', () => {
    expect(appRequestPath('app://desk/', 'GET')).toBe('/');
    expect(appRequestPath('app://desk/assets/index-abc.js', 'GET')).toBe('/assets/index-abc.js');
    expect(appRequestPath('app://desk/index.html', 'HEAD')).toBe('/index.html');
    expect(appRequestPath('app://other/index.html', 'GET')).toBeNull();
    expect(appRequestPath('app://desk/index.html', 'POST')).toBeNull();
    // Traversal is normalised by the URL parser, and readRendererFile checks the result again.
    expect(appRequestPath('app://desk/../../etc/passwd', 'GET')).toBe('/etc/passwd');
  });
});

describe('--data-dir', () => {
  it('reads both spellings and ignores a missing value', () => {
    expect(dataDirFlag(['electron', 'out/main/index.js', '--data-dir', '/tmp/a'])).toBe('/tmp/a');
    expect(dataDirFlag(['app', '--data-dir=/tmp/b'])).toBe('/tmp/b');
    expect(dataDirFlag(['app', '--data-dir'])).toBeNull();
    expect(dataDirFlag(['app', '--data-dir', '--inspect'])).toBeNull();
    expect(dataDirFlag(['app', '--data-dir='])).toBeNull();
    expect(dataDirFlag(['app'])).toBeNull();
  });
});

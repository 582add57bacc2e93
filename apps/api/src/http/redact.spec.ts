import { redactText, redactUrl } from './redact';

describe('redactUrl', () => {
  it.each([
    ['/open311/v2/requests.json?api_key=eyJhbGci.abc&status=open', '/open311/v2/requests.json?api_key=[redacted]&status=open'],
    ['/x?status=open&API_KEY=k', '/x?status=open&API_KEY=[redacted]'],
    ['/x?api%5Fkey=k', '/x?api%5Fkey=[redacted]'],
    ['/x?token=t&password=p&q=%E7%94%B5%E6%A2%AF', '/x?token=[redacted]&password=[redacted]&q=%E7%94%B5%E6%A2%AF'],
    ['/x?api_key', '/x?api_key=[redacted]'],
    ['/tickets?communityId=qianpu', '/tickets?communityId=qianpu'],
    ['/tickets', '/tickets'],
  ])('when the URL is %s, what is kept is %s', (url, kept) => expect(redactUrl(url)).toBe(kept));
});

describe('redactText', () => {
  it('when a message quotes a URL with credentials, they are redacted and the rest is kept', () =>
    expect(redactText('Cannot GET /x?api_key=eyJ.a.b&status=open and ?password=hunter2')).toBe(
      'Cannot GET /x?api_key=[redacted]&status=open and ?password=[redacted]',
    ));

  it('when a quoted URL spells the name percent-encoded, it is redacted all the same', () =>
    expect(redactText('Cannot GET /x?api%5Fkey=eyJ.a.b&pass%77ord=hunter2&q=1')).toBe(
      'Cannot GET /x?api%5Fkey=[redacted]&pass%77ord=[redacted]&q=1',
    ));
});

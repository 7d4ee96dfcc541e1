import { describe, expect, it } from 'vitest';
import { originForm, requestPath, withoutTrailingSlash } from '../../src/server/request-path.js';

describe('requestPath', () => {
  it.each([
    ['/webhooks/github', '/webhooks/github'],
    ['/webhooks/github?x=1&y=/z', '/webhooks/github'],
    ['/webhooks/github#part?not-a-query', '/webhooks/github'],
    ['http://hooks.example.com/webhooks/github?x=1', '/webhooks/github'],
    ['https://hooks.example.com:8443/v1/events', '/v1/events'],
    ['http://hooks.example.com', '/'],
    ['http://hooks.example.com?x=1', '/'],
    ['http://hooks.example.com?next=/webhooks/github', '/'],
    ['*', '*'],
    ['//webhooks/github', '//webhooks/github'],
  ])('%s → %s', (target, path) => {
    expect(requestPath(target)).toBe(path);
  });
});

describe('withoutTrailingSlash', () => {
  it('drops one trailing slash, never the root', () => {
    expect(withoutTrailingSlash('/webhooks/github/')).toBe('/webhooks/github');
    expect(withoutTrailingSlash('/webhooks/github')).toBeUndefined();
    expect(withoutTrailingSlash('/')).toBeUndefined();
  });
});

describe('originForm', () => {
  it.each([
    ['/v1/subscriptions?limit=1', '/v1/subscriptions?limit=1'],
    ['/v1/subscriptions/sub_1#x', '/v1/subscriptions/sub_1'],
    ['/v1/subscriptions?limit=1#x?y', '/v1/subscriptions?limit=1'],
    ['http://h/v1/subscriptions?limit=1', '/v1/subscriptions?limit=1'],
    ['https://h:8443', '/'],
    ['http://h?x=1', '/?x=1'],
    ['*', '*'],
  ])('%s → %s', (target, form) => {
    expect(originForm(target)).toBe(form);
  });
});

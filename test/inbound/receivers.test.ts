import { describe, expect, it } from 'vitest';
import { receiverRoutes } from '../../generated/operations.js';
import { receivers } from '../../src/inbound/receivers/index.js';

describe('receivers and the spec', () => {
  it('serve exactly the receiver routes of openapi.yaml, each with its signature scheme', () => {
    const ours = receivers.map((r) => ({ operationId: r.operationId, path: r.path, signature: r.provider })).sort((a, b) => a.path.localeCompare(b.path));
    const spec = receiverRoutes.map((r) => ({ operationId: r.operationId, path: r.path, signature: r.signature })).sort((a, b) => a.path.localeCompare(b.path));
    expect(ours).toEqual(spec);
    expect(receiverRoutes.every((r) => r.method === 'post')).toBe(true);
  });
});

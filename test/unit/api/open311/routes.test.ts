import { routeOf } from '../../../../functions/api/open311/routes';

describe('Open311 routes', () => {
  test.each([
    ['GET', '/open311/v2/services.xml', { format: 'xml', route: { resource: 'services', method: 'GET' } }],
    ['GET', '/open311/v2/services/OTHER.json', { format: 'json', route: { resource: 'service', method: 'GET', code: 'OTHER' } }],
    ['POST', '/open311/v2/requests.xml', { format: 'xml', route: { resource: 'requests', method: 'POST' } }],
    ['GET', '/open311/v2/requests/a-b.json', { format: 'json', route: { resource: 'request', method: 'GET', id: 'a-b' } }],
    ['GET', '/open311/v2/servicerequestupdates.xml', { format: 'xml', route: { resource: 'updates', method: 'GET' } }],
    ['DELETE', '/open311/v2/requests.xml', { format: 'xml', route: undefined }],
    ['GET', '/open311/v2/requests', undefined],
    ['GET', '/open311/v2/requests.csv', undefined],
    ['GET', '/graphql', undefined],
  ])('given %s %s, when routed, then %j', (method, path, expected) => {
    expect(routeOf(method, path)).toEqual(expected);
  });
});

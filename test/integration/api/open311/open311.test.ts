import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createOpen311Server } from '../../../../functions/api/open311/open311-server';
import { createServices } from '../../../../functions/app/services';
import { ISSUE_CATEGORIES } from '../../../../functions/domain/vocabulary';
import { claimsFor } from '../../../support/graphql-handler';
import { INSIDE_DN_01_1, RESOLVE, START } from '../../../support/issue-operations';
import { movingClock } from '../../../support/moving-clock';
import { open311Event } from '../../../support/open311-events';
import { seededExecutor } from '../../../support/seeded-executor';

/**
 * GeoReport v2 conformance, written from the spec's text: resources by extension, XML (declared
 * UTF-8, well-formed, element names as in the spec's examples) and JSON, W3C date-times with an
 * offset, errors as `[{code, description}]` / `<errors><error>`, and FixMyStreet's updates.
 */
const clock = movingClock('2026-11-23T02:00:00Z');
const admin = claimsFor('dingnan', 'ADMIN');
const parser = new XMLParser({ isArray: (name) => ['service', 'request', 'request_update', 'error', 'attribute'].includes(name) });

let fixture: Awaited<ReturnType<typeof seededExecutor>>;
let server: ReturnType<typeof createOpen311Server>;
let stationCode: string;

beforeAll(async () => {
  fixture = await seededExecutor({ clock: clock.now });
  server = createOpen311Server({ services: createServices(fixture.store, { clock: clock.now }), districtId: 'dingnan', logError: (error) => { throw error; } });
  const stations = await fixture.executor.execute(`{ stations(first: 1) { edges { node { serviceCode } } } }`, { claims: admin });
  stationCode = stations.data!.stations.edges[0].node.serviceCode;
});
afterAll(() => fixture.stop());

const xmlOf = (body: string | undefined) => {
  expect(XMLValidator.validate(body!)).toBe(true);
  expect(body!.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return parser.parse(body!);
};
const W3C_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

const validForm = (overrides: Record<string, string> = {}) => ({
  jurisdiction_id: 'dingnan',
  service_code: 'ILLEGAL_DUMPING',
  lat: String(INSIDE_DN_01_1.lat),
  long: String(INSIDE_DN_01_1.lng),
  description: '小区门口堆了建筑垃圾',
  email: 'resident@example.cn',
  first_name: '张',
  last_name: '三',
  'attribute[station_code]': stationCode,
  ...overrides,
});

const post = (form: Record<string, string>, format = 'xml', sourceIp?: string) =>
  server(open311Event('POST', `/open311/v2/requests.${format}`, { form, ...(sourceIp ? { sourceIp } : {}) }));

describe('services', () => {
  test('given services.xml, when read, then every category is a service with its Chinese name, group and metadata, in declared UTF-8 XML', async () => {
    const response = await server(open311Event('GET', '/open311/v2/services.xml'));

    expect(response.statusCode).toBe(200);
    expect(response.headers!['content-type']).toBe('text/xml; charset=utf-8');
    const services = xmlOf(response.body).services.service;
    expect(services.map((service: { service_code: string }) => service.service_code)).toEqual([...ISSUE_CATEGORIES]);
    expect(services.find((service: { service_code: string }) => service.service_code === 'ILLEGAL_DUMPING')).toMatchObject({
      service_name: '随意倾倒垃圾',
      group: '市容环境',
      metadata: true,
      type: 'realtime',
    });
  });

  test('given services.json, when read, then it is the same list as a JSON array', async () => {
    const response = await server(open311Event('GET', '/open311/v2/services.json'));

    expect(response.headers!['content-type']).toBe('application/json; charset=utf-8');
    const services = JSON.parse(response.body!);
    expect(services).toHaveLength(ISSUE_CATEGORIES.length);
    expect(services[0]).toEqual(expect.objectContaining({ service_code: ISSUE_CATEGORIES[0], metadata: true, type: 'realtime' }));
  });

  test('given a service definition in both formats, when read, then its one attribute is the required station code', async () => {
    const xml = xmlOf((await server(open311Event('GET', '/open311/v2/services/STRAY_STALL.xml'))).body).service_definition;
    const json = JSON.parse((await server(open311Event('GET', '/open311/v2/services/STRAY_STALL.json'))).body!);

    expect(xml.service_code).toBe('STRAY_STALL');
    expect(xml.attributes.attribute).toEqual([expect.objectContaining({ code: 'station_code', required: true, variable: true, datatype: 'string', order: 1 })]);
    expect(json.attributes).toEqual([expect.objectContaining({ code: 'station_code', required: true })]);
  });

  test('given an unknown service, resource or method, when asked, then 404 in the spec error shape of the asked format', async () => {
    const service = await server(open311Event('GET', '/open311/v2/services/POTHOLES.xml'));
    const resource = await server(open311Event('GET', '/open311/v2/potholes.json'));
    const method = await server(open311Event('POST', '/open311/v2/services.json'));

    expect(service.statusCode).toBe(404);
    expect(xmlOf(service.body).errors.error).toEqual([{ code: 404, description: 'service_code: no service POTHOLES' }]);
    expect(resource.statusCode).toBe(404);
    expect(JSON.parse(resource.body!)).toEqual([{ code: 404, description: expect.stringContaining('/open311/v2/potholes.json') }]);
    expect(method.statusCode).toBe(404);
  });
});

describe('POST requests', () => {
  test('given a FixMyStreet-shaped form, when posted, then one issue is stored with only the e-mail of the contact fields and the id is answered', async () => {
    const response = await post(validForm());

    expect(response.statusCode).toBe(200);
    const [request] = xmlOf(response.body).service_requests.request;
    const stored = await fixture.store.doc.send(
      new (await import('@aws-sdk/lib-dynamodb')).GetCommand({ TableName: fixture.store.tableName, Key: { PK: `D#dingnan#ISSUE#${request.service_request_id}`, SK: 'ISSUE' } }),
    );
    expect(stored.Item).toMatchObject({ category: 'ILLEGAL_DUMPING', reporterContact: 'resident@example.cn', source: 'SERVICE_CODE', gridId: 'dn-g-01-1' });
    expect(JSON.stringify(stored.Item)).not.toMatch(/张|三/);
    expect(request.service_notice).toBeTruthy();
  });

  test('given a form missing the station code and with half a location, when posted, then 400 names both fields and nothing is stored', async () => {
    const before = await issuesReported();
    const form = validForm();
    delete (form as Record<string, string>)['attribute[station_code]'];
    delete (form as Record<string, string>).long;

    const response = await post(form, 'json');

    expect(response.statusCode).toBe(400);
    const descriptions = JSON.parse(response.body!).map((error: { code: number; description: string }) => {
      expect(error.code).toBe(400);
      return error.description.split(':')[0];
    });
    expect(descriptions.sort()).toEqual(['attribute[station_code]', 'long']);
    expect(await issuesReported()).toBe(before);
  });

  test('given an unknown station code or an empty description, when posted, then 400 names the form field, not the GraphQL input', async () => {
    const unknown = await post(validForm({ 'attribute[station_code]': 'dingnan-NOPE00' }), 'json');
    const empty = await post(validForm({ description: '   ' }), 'json');

    expect(JSON.parse(unknown.body!)[0].description).toMatch(/^attribute\[station_code\]: /);
    expect(JSON.parse(empty.body!)[0].description).toMatch(/^description: /);
  });

  test('given a JSON body instead of a form, when posted, then 400 says the body must be url-encoded', async () => {
    const response = await server(open311Event('POST', '/open311/v2/requests.json', { form: validForm(), contentType: 'application/json' }));

    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body!)[0].description).toMatch(/x-www-form-urlencoded/);
  });

  test('given another jurisdiction, when posted, then 404 and nothing is stored', async () => {
    const before = await issuesReported();

    const response = await post(validForm({ jurisdiction_id: 'qishi' }), 'json');

    expect(response.statusCode).toBe(404);
    expect(await issuesReported()).toBe(before);
  });

  test('given one client over the public limit of its station code, when it posts again, then 429 with Retry-After', async () => {
    clock.set('2026-11-23T03:00:00Z');
    const statuses: number[] = [];
    for (let n = 0; n < 11; n += 1) statuses.push((await post(validForm(), 'json', '198.51.100.77')).statusCode!);

    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    const refused = await post(validForm(), 'xml', '198.51.100.77');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers!['retry-after'])).toBeGreaterThan(0);
    expect(xmlOf(refused.body).errors.error[0].code).toBe(429);
  });
});

describe('GET requests', () => {
  test('given a posted request, when read by id in both formats, then the public projection with W3C times and no reporter words', async () => {
    clock.set('2026-11-23T04:00:00Z');
    const id = JSON.parse((await post(validForm({ description: '只给工作人员看的描述' }), 'json')).body!)[0].service_request_id;

    const json = JSON.parse((await server(open311Event('GET', `/open311/v2/requests/${id}.json`))).body!);
    const xml = xmlOf((await server(open311Event('GET', `/open311/v2/requests/${id}.xml`))).body).service_requests.request;

    for (const request of [json[0], xml[0]]) {
      expect(request).toMatchObject({ service_request_id: id, status: 'open', service_code: 'ILLEGAL_DUMPING', service_name: '随意倾倒垃圾' });
      expect(request.requested_datetime).toMatch(W3C_WITH_OFFSET);
      expect(request.expected_datetime).toMatch(W3C_WITH_OFFSET);
      expect(request).not.toHaveProperty('description');
      expect(request).not.toHaveProperty('lat');
      expect(request).not.toHaveProperty('address');
    }
  });

  test('given an unknown id, when read, then 404', async () => {
    expect((await server(open311Event('GET', '/open311/v2/requests/nope.json'))).statusCode).toBe(404);
  });

  test('given a window, a service and a status, when listed, then only matching requests of the window, newest first', async () => {
    clock.set('2026-11-24T02:00:00Z');
    const first = JSON.parse((await post(validForm({ service_code: 'STRAY_STALL' }), 'json', '198.51.100.80')).body!)[0].service_request_id;
    clock.set('2026-11-24T02:05:00Z');
    const second = JSON.parse((await post(validForm({ service_code: 'STRAY_STALL' }), 'json', '198.51.100.80')).body!)[0].service_request_id;
    await post(validForm({ service_code: 'OTHER' }), 'json', '198.51.100.80');

    const query = { start_date: '2026-11-24T10:00:00+08:00', end_date: '2026-11-24T11:00:00+08:00', service_code: 'STRAY_STALL', status: 'open' };
    const listed = JSON.parse((await server(open311Event('GET', '/open311/v2/requests.json', { query }))).body!);
    const closed = JSON.parse((await server(open311Event('GET', '/open311/v2/requests.json', { query: { ...query, status: 'closed' } }))).body!);

    expect(listed.map((request: { service_request_id: string }) => request.service_request_id)).toEqual([second, first]);
    expect(closed).toEqual([]);
  });

  test('given a window over 90 days or an unknown status, when listed, then 400 names the parameter', async () => {
    const wide = await server(open311Event('GET', '/open311/v2/requests.json', { query: { start_date: '2026-01-01T00:00:00+08:00', end_date: '2026-11-01T00:00:00+08:00' } }));
    const status = await server(open311Event('GET', '/open311/v2/requests.json', { query: { status: 'pending' } }));

    expect(wide.statusCode).toBe(400);
    expect(JSON.parse(wide.body!)[0].description).toMatch(/^start_date: .*90 days/);
    expect(JSON.parse(status.body!)[0].description).toMatch(/^status: /);
  });
});

describe('servicerequestupdates (FixMyStreet)', () => {
  test('given a posted request handled by staff, when updates are read, then each step is there in the extended statuses, without staff notes', async () => {
    clock.set('2026-11-25T02:00:00Z');
    const id = JSON.parse((await post(validForm(), 'json', '198.51.100.90')).body!)[0].service_request_id;
    clock.set('2026-11-25T02:10:00Z');
    const issue = (await fixture.executor.execute(`query($id: ID!) { issue(id: $id) { version assignee { id } } }`, { variables: { id }, claims: admin })).data!.issue;
    const officer = claimsFor('dingnan', 'OFFICER', issue.assignee.id);
    await fixture.executor.execute(START, { variables: { id }, claims: officer });
    clock.set('2026-11-25T03:00:00Z');
    await fixture.executor.execute(RESOLVE, { variables: { id, note: '内部备注：联系了物业王经理 13800000000' }, claims: officer });

    const query = { start_date: '2026-11-25T09:00:00+08:00', end_date: '2026-11-25T12:00:00+08:00' };
    const xml = xmlOf((await server(open311Event('GET', '/open311/v2/servicerequestupdates.xml', { query }))).body);
    const mine = xml.service_requests_updates.request_update.filter((update: { service_request_id: string }) => update.service_request_id === id);

    expect(mine.map((update: { status: string }) => update.status)).toEqual(['FIXED', 'IN_PROGRESS', 'ACTION_SCHEDULED', 'OPEN']);
    expect(new Set(mine.map((update: { update_id: string }) => update.update_id)).size).toBe(4);
    for (const update of mine) expect(update.updated_datetime).toMatch(W3C_WITH_OFFSET);
    expect(JSON.stringify(mine)).not.toMatch(/王经理|13800000000/);
    const request = JSON.parse((await server(open311Event('GET', `/open311/v2/requests/${id}.json`))).body!)[0];
    expect(request.status).toBe('closed');
  });
});

async function issuesReported(): Promise<number> {
  const result = await fixture.executor.execute(`{ issues(first: 100) { edges { node { id } } } }`, { claims: admin });
  return result.data!.issues.edges.length;
}

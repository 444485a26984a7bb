import { inFormTerms, parseOpen311Form } from '../../../../functions/domain/open311/request-form';
import { BadUserInputError } from '../../../../functions/shared/errors';

const fieldsOf = (form: Record<string, string>): string[] => {
  try {
    parseOpen311Form(form);
  } catch (error) {
    return (error as BadUserInputError).fields.map((field) => field.path).sort();
  }
  throw new Error('the form was accepted');
};

describe('an Open311 request form', () => {
  test('given a full form, when parsed, then reportIssue input keeps one contact, the WGS-84 point and the station code, and no names', () => {
    const { input } = parseOpen311Form({
      service_code: 'OTHER',
      lat: '24.7755',
      long: '115.0227',
      description: ' 路灯不亮 ',
      phone: '13800000000',
      email: 'a@example.cn',
      first_name: '张',
      media_url: 'https://photos.example.cn/1.jpg',
      'attribute[station_code]': 'dingnan-ST01AV',
    });

    expect(input).toEqual({
      category: 'OTHER',
      description: '路灯不亮',
      location: { lat: 24.7755, lng: 115.0227, coordinateSystem: 'WGS84' },
      photoUrls: ['https://photos.example.cn/1.jpg'],
      reporterContact: '13800000000',
      serviceCode: 'dingnan-ST01AV',
      source: 'SERVICE_CODE',
    });
  });

  test('given no location at all, an unknown service and no station code, when parsed, then every problem is named at once', () => {
    expect(fieldsOf({ service_code: 'POTHOLE', description: 'x' })).toEqual(['attribute[station_code]', 'lat', 'service_code']);
  });

  test('given lat without long, or a latitude out of range, when parsed, then the coordinate is named', () => {
    expect(fieldsOf({ service_code: 'OTHER', lat: '24.7', 'attribute[station_code]': 'c' })).toEqual(['long']);
    expect(fieldsOf({ service_code: 'OTHER', lat: '124.7', long: '115', 'attribute[station_code]': 'c' })).toEqual(['lat']);
  });

  test('given an address instead of a point, when parsed, then it is accepted as the address', () => {
    expect(parseOpen311Form({ service_code: 'OTHER', address_string: '历市镇新街 3 号', 'attribute[station_code]': 'c' }).input).toMatchObject({ address: '历市镇新街 3 号' });
  });

  test('given a reportIssue error on input paths, when put in form terms, then each path is the form field it came from', () => {
    const error = new BadUserInputError([
      { path: 'input.location.lng', message: 'm' },
      { path: 'input.reporterContact', message: 'm' },
      { path: 'input.serviceCode', message: 'm' },
    ]);

    const renamed = inFormTerms(error, { email: 'x' }) as BadUserInputError;

    expect(renamed.fields.map((field) => field.path)).toEqual(['long', 'email', 'attribute[station_code]']);
    expect(renamed.cause).toBe(error);
  });
});

import { ISSUE_CATEGORIES, ISSUE_CATEGORY_LABELS, type IssueCategory } from '../vocabulary';

/**
 * The issue categories as Open311 GeoReport v2 services: the service code is the category's
 * name in the API, the service name its Chinese name, grouped as city-management hotlines group
 * them. Every service has one attribute, the station's service code (the "service-code rule":
 * a request cites the printed code of the station it was reported at, as `reportIssue` does
 * without a token), so `metadata` is true and `services/{code}` answers its definition.
 */
export const SERVICE_GROUPS: Record<IssueCategory, string> = {
  DAMAGED_MUNICIPAL_FACILITY: '市政设施',
  MESSY_WIRING: '市政设施',
  GREENERY_DESTROYED: '园林绿化',
  GARBAGE_NOT_COLLECTED: '市容环境',
  ILLEGAL_DUMPING: '市容环境',
  FLYERS_AND_ADS: '市容环境',
  OPEN_BURNING: '市容环境',
  ROAD_OCCUPYING_BUSINESS: '街面秩序',
  STRAY_STALL: '街面秩序',
  ILLEGAL_PARKING: '街面秩序',
  ILLEGAL_CONSTRUCTION: '违法建设',
  UNCIVIL_DOG_KEEPING: '文明养犬',
  OTHER: '其他',
};

export interface Open311Service {
  service_code: IssueCategory;
  service_name: string;
  description: string;
  metadata: true;
  type: 'realtime';
  keywords: string;
  group: string;
}

export interface Open311Attribute {
  variable: true;
  code: string;
  datatype: 'string';
  required: true;
  datatype_description: string;
  order: number;
  description: string;
}

/** The one attribute of every service: Open311 clients send it as `attribute[station_code]`. */
export const STATION_CODE_ATTRIBUTE: Open311Attribute = {
  variable: true,
  code: 'station_code',
  datatype: 'string',
  required: true,
  datatype_description: '服务站二维码下方印的城市服务码，例如 dingnan-ST01AV',
  order: 1,
  description: '城市服务码',
};

export const open311Services = (): Open311Service[] =>
  ISSUE_CATEGORIES.map((category) => ({
    service_code: category,
    service_name: ISSUE_CATEGORY_LABELS[category],
    description: `${SERVICE_GROUPS[category]}：${ISSUE_CATEGORY_LABELS[category]}`,
    metadata: true,
    type: 'realtime',
    keywords: [ISSUE_CATEGORY_LABELS[category], SERVICE_GROUPS[category]].join(','),
    group: SERVICE_GROUPS[category],
  }));

export const isServiceCode = (code: string): code is IssueCategory => (ISSUE_CATEGORIES as readonly string[]).includes(code);

import * as z from 'zod';

/**
 * The domain's words, each listed once. Every type and zod enum of these words derives from
 * the arrays here, so the API, the store, the district file and the jobs can never disagree on
 * what a role, a weekday, a station kind or an issue category is.
 */

/** Field roles of officers (城管, 执法, 市政, 园林, 环卫, 巡查, 社区工作者, 志愿者). */
export const OFFICER_ROLES = ['AREA_CHIEF', 'ENFORCEMENT', 'MUNICIPAL', 'LANDSCAPING', 'SANITATION', 'INSPECTOR', 'COMMUNITY_STAFF', 'VOLUNTEER'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];
export const officerRoleSchema = z.enum(OFFICER_ROLES);

/** Area chiefs and enforcement officers count as enforcement officers (执法) on duty. */
export const ENFORCEMENT_ROLES: readonly OfficerRole[] = ['AREA_CHIEF', 'ENFORCEMENT'];

/** Roles that patrol (巡查): only their reports may be resolved on the spot (当场处理). */
export const PATROLLING_ROLES: readonly OfficerRole[] = ['AREA_CHIEF', 'ENFORCEMENT', 'INSPECTOR'];

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const weekdaySchema = z.enum(WEEKDAYS);

export const STATION_KINDS = ['SERVICE_POST', 'COMMUNITY_WORKSTATION', 'LIAISON_STATION', 'ENFORCEMENT_KIOSK'] as const;
export type StationKind = (typeof STATION_KINDS)[number];
export const stationKindSchema = z.enum(STATION_KINDS);

export const ISSUE_CATEGORIES = [
  'DAMAGED_MUNICIPAL_FACILITY',
  'GREENERY_DESTROYED',
  'GARBAGE_NOT_COLLECTED',
  'ILLEGAL_DUMPING',
  'ROAD_OCCUPYING_BUSINESS',
  'ILLEGAL_CONSTRUCTION',
  'FLYERS_AND_ADS',
  'UNCIVIL_DOG_KEEPING',
  'MESSY_WIRING',
  'STRAY_STALL',
  'ILLEGAL_PARKING',
  'OPEN_BURNING',
  'OTHER',
] as const;
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];
export const issueCategorySchema = z.enum(ISSUE_CATEGORIES);

/** What residents and staff call each category (the SDL's descriptions give the same words). */
export const ISSUE_CATEGORY_LABELS: Record<IssueCategory, string> = {
  DAMAGED_MUNICIPAL_FACILITY: '市政设施破损',
  GREENERY_DESTROYED: '毁绿种菜',
  GARBAGE_NOT_COLLECTED: '垃圾未及时清运',
  ILLEGAL_DUMPING: '随意倾倒垃圾',
  ROAD_OCCUPYING_BUSINESS: '占道经营',
  ILLEGAL_CONSTRUCTION: '违法建设',
  FLYERS_AND_ADS: '乱张贴小广告',
  UNCIVIL_DOG_KEEPING: '不文明养犬',
  MESSY_WIRING: '飞线充电、线缆乱拉',
  STRAY_STALL: '流动摊贩',
  ILLEGAL_PARKING: '乱停车',
  OPEN_BURNING: '露天焚烧',
  OTHER: '其他',
};

/**
 * The datums clients in mainland China send points in: WGS-84 (GPS, browsers), GCJ-02 (the
 * national datum of WeChat, AMap and Tencent Maps) and BD-09 (Baidu). Stored points are WGS-84.
 */
export const COORDINATE_SYSTEMS = ['WGS84', 'GCJ02', 'BD09'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];
export const coordinateSystemSchema = z.enum(COORDINATE_SYSTEMS);

export const ISSUE_PRIORITIES = ['URGENT', 'NORMAL'] as const;
export type IssuePriority = (typeof ISSUE_PRIORITIES)[number];
export const issuePrioritySchema = z.enum(ISSUE_PRIORITIES);

export const ISSUE_SOURCES = ['PATROL', 'WALK_IN', 'HOTLINE', 'ONLINE', 'SERVICE_CODE', 'HOTLINE_12345'] as const;
export type IssueSource = (typeof ISSUE_SOURCES)[number];
export const issueSourceSchema = z.enum(ISSUE_SOURCES);

export const ISSUE_STATUSES = ['REPORTED', 'ASSIGNED', 'IN_PROGRESS', 'TRANSFERRED', 'RESOLVED', 'CLOSED', 'REJECTED'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export const issueStatusSchema = z.enum(ISSUE_STATUSES);

export const SATISFACTIONS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const satisfactionSchema = z.enum(SATISFACTIONS);

/**
 * A district id: a lowercase slug. It starts every key and every service code, names the
 * stack and the district file, and is the `custom:district` claim; the pattern also keeps an id
 * from escaping `infra/districts/`.
 */
export const DISTRICT_ID_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
export const districtIdSchema = z.string().regex(DISTRICT_ID_PATTERN, 'must be a district id: a letter, then 1–39 lowercase letters, digits or "-"');

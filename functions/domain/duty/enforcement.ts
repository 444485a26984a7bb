import type { OfficerRole } from '../../store/officers';

/** DESIGN.md §3: area chiefs and enforcement officers count as enforcement officers (执法). */
export const ENFORCEMENT_ROLES: readonly OfficerRole[] = ['AREA_CHIEF', 'ENFORCEMENT'];

export const isEnforcementRole = (role: OfficerRole): boolean => ENFORCEMENT_ROLES.includes(role);

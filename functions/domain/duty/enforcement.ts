import { ENFORCEMENT_ROLES, type OfficerRole } from '../vocabulary';

/** Area chiefs and enforcement officers count as enforcement officers (执法). */
export const isEnforcementRole = (role: OfficerRole): boolean => ENFORCEMENT_ROLES.includes(role);

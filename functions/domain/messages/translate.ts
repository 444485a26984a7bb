import { ACTION_NAMES, ENTITY_NAMES, ERROR_MESSAGES, STORED_NOTES } from './catalogue-zh-cn';
import type { Language } from './language';

/**
 * Translation by the catalogue (catalogue-zh-cn.ts): a message matching one of its English
 * templates gets that entry's Chinese, each placeholder's value carried over (translated itself
 * when its kind says so). A message without an entry stays as it is; English is the code's own.
 */

type Section = Readonly<Record<string, string>>;

/** What a placeholder may match, and how its value reads in Chinese. */
interface PlaceholderKind {
  pattern: string;
  toChinese?: (value: string, section: Section) => string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const oneOf = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
const CODE = '[A-Z][A-Z0-9_]*';
const entityByThing = Object.fromEntries(Object.entries(ENTITY_NAMES).map(([name, chinese]) => [name.toLowerCase(), chinese]));

/** A placeholder's kind is its name without trailing digits: `{id2}` is an `id`. */
const KINDS: Readonly<Record<string, PlaceholderKind>> = {
  /** A number, as written. */
  n: { pattern: '-?\\d+(?:\\.\\d+)?' },
  m: { pattern: '-?\\d+(?:\\.\\d+)?' },
  /** An id, a code, a week, a key: one word, as written. */
  id: { pattern: '\\S+' },
  date: { pattern: '\\d{4}-\\d{2}-\\d{2}' },
  /** An IANA time zone. */
  zone: { pattern: '[^()]+' },
  /** An enum value (a status, a source), as written: clients know these codes. */
  status: { pattern: CODE },
  statuses: { pattern: `${CODE}(?:, ${CODE})*`, toChinese: (value) => value.split(', ').join('、') },
  roles: { pattern: `${CODE}(?: or ${CODE})*`, toChinese: (value) => value.split(' or ').join(' 或 ') },
  /** A record's name (`Station`), and the same in lower case (`no station … in this district`). */
  entity: { pattern: oneOf(Object.keys(ENTITY_NAMES)), toChinese: (value) => ENTITY_NAMES[value] ?? value },
  thing: { pattern: oneOf(Object.keys(entityByThing)), toChinese: (value) => entityByThing[value] ?? value },
  /** A workflow step in lower case (`close`). */
  action: { pattern: oneOf(Object.keys(ACTION_NAMES)), toChinese: (value) => ACTION_NAMES[value] ?? value },
  /** Text someone typed (a department): kept. */
  text: { pattern: '.+?' },
  /** A message of the same section inside this one: translated too. */
  clause: { pattern: '.+?', toChinese: (value, section) => translateIn(section, value) },
  /** What a version check names: a record (`Issue i-1`, its name translated) or a message of the section (`The issue policy`). */
  subject: { pattern: '.+?', toChinese: (value, section) => recordIn(value) ?? translateIn(section, value) },
  /** Messages of the same section joined by `; `: each translated. */
  problems: { pattern: '.+', toChinese: (value, section) => value.split('; ').map((part) => translateIn(section, part)).join('；') },
};

const PLACEHOLDER = /\{([a-z]+)(\d*)\}/g;

export function placeholderKind(name: string): PlaceholderKind {
  const kind = KINDS[name.replace(/\d+$/, '')];
  if (!kind) throw new Error(`Unknown placeholder {${name}}`);
  return kind;
}

/**
 * The regular expression of a template. `alsoMatching` is an extra alternative for every
 * placeholder: the catalogue test matches the source's own templates, whose values are `{}`.
 */
export function templatePattern(template: string, alsoMatching?: string): RegExp {
  let pattern = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const kind = placeholderKind(match[1]! + match[2]!);
    pattern += `${escape(template.slice(last, match.index))}(${alsoMatching ? `${alsoMatching}|` : ''}${kind.pattern})`;
    last = match.index! + match[0].length;
  }
  return new RegExp(`^${pattern}${escape(template.slice(last))}$`, 's');
}

interface CompiledEntry {
  english: string;
  chinese: string;
  pattern: RegExp;
  names: string[];
}

/** Entries with more fixed text first, so `{date}: another qualifying session …` wins over `{date}: {problems}`. */
function compile(section: Section): CompiledEntry[] {
  return Object.entries(section)
    .map(([english, chinese]) => ({ english, chinese, pattern: templatePattern(english), names: [...english.matchAll(PLACEHOLDER)].map((match) => match[1]! + match[2]!) }))
    .sort((a, b) => b.english.replace(PLACEHOLDER, '').length - a.english.replace(PLACEHOLDER, '').length);
}

const compiled = new Map<Section, CompiledEntry[]>([
  [ERROR_MESSAGES, compile(ERROR_MESSAGES)],
  [STORED_NOTES, compile(STORED_NOTES)],
]);

const fill = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(PLACEHOLDER, (whole, name: string, digits: string) => values[name + digits] ?? whole);

/** The Chinese of a message by a section of the catalogue; undefined without an entry. */
function chineseIn(section: Section, message: string): string | undefined {
  for (const entry of compiled.get(section)!) {
    const match = entry.pattern.exec(message);
    if (!match) continue;
    const values = Object.fromEntries(
      entry.names.map((name, index) => {
        const value = match[index + 1]!;
        return [name, placeholderKind(name).toChinese?.(value, section) ?? value];
      }),
    );
    return fill(entry.chinese, values);
  }
  return undefined;
}

const translateIn = (section: Section, message: string): string => chineseIn(section, message) ?? message;

const RECORD = new RegExp(`^(${oneOf(Object.keys(ENTITY_NAMES))}) (\\S+)$`);
/** `Issue i-1` as `问题 i-1`; undefined when the value does not name a record. */
const recordIn = (value: string): string | undefined => {
  const match = RECORD.exec(value);
  return match ? `${ENTITY_NAMES[match[1]!]} ${match[2]}` : undefined;
};

/** An error's or a validation rule's message in `language` (unchanged in English, or without an entry). */
export function translateMessage(message: string, language: Language): string {
  return language === 'zh-CN' ? translateIn(ERROR_MESSAGES, message) : message;
}

/** A stored note (routing note, a note the API wrote itself, a compliance reason) in `language`. */
export function translateNote(note: string, language: Language): string {
  return language === 'zh-CN' ? translateIn(STORED_NOTES, note) : note;
}

/** Whether the catalogue has the message (the catalogue test's question). */
export const hasTranslation = (message: string): boolean => chineseIn(ERROR_MESSAGES, message) !== undefined || chineseIn(STORED_NOTES, message) !== undefined;

/** BAD_USER_INPUT's own message (`Invalid input: <path>: <message>; …`) in Chinese, from field messages already in Chinese. */
export function invalidInputMessageInChinese(fields: readonly { path: string; message: string }[]): string {
  return fill(ERROR_MESSAGES['Invalid input: {problems}']!, { problems: fields.map((field) => `${field.path}：${field.message}`).join('；') });
}

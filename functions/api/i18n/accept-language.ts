import { DEFAULT_LANGUAGE, type Language } from '../../domain/messages/language';

/** The most `Accept-Language` entries read: a header is a client's short list, not a place for thousands. */
const MAX_ENTRIES = 20;

/** A language range of the header (RFC 9110 §12.5.4): `zh-CN`, `zh`, `en-US`, `*`. */
const RANGE = /^(?:[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)$/;
const QUALITY = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;

/** The language the API answers a range with: any Chinese (`zh`, `zh-CN`, `zh-Hans-CN`, `zh-TW`) is Simplified Chinese; English and `*` are English. */
function languageOf(range: string): Language | undefined {
  const primary = range.toLowerCase().split('-')[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en' || primary === '*') return 'en';
  return undefined;
}

/**
 * The language a request prefers among those the API answers in, from its `Accept-Language`
 * header: the highest quality (q, default 1; 0 is "not this one") among ranges we serve, the
 * earlier on a tie; English without a header, for a malformed one, or when nothing served is
 * accepted.
 */
export function preferredLanguage(header: string | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  let best: { language: Language; quality: number } | undefined;
  for (const entry of header.split(',').slice(0, MAX_ENTRIES)) {
    const [range = '', ...parameters] = entry.split(';').map((part) => part.trim());
    if (!RANGE.test(range)) continue;
    const qualityParameter = parameters.find((parameter) => /^q=/i.test(parameter));
    if (qualityParameter !== undefined && !QUALITY.test(qualityParameter)) continue;
    const quality = qualityParameter === undefined ? 1 : Number(qualityParameter.slice(2));
    const language = languageOf(range);
    if (!language || quality === 0) continue;
    if (!best || quality > best.quality) best = { language, quality };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}

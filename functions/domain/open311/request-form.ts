import * as z from 'zod';
import { BadUserInputError, type FieldProblem } from '../../shared/errors';
import { parseArguments } from '../validation/parse';
import { isServiceCode } from './services';

/**
 * A GeoReport v2 `POST requests` form (application/x-www-form-urlencoded, as the spec and
 * FixMyStreet send it), checked for what Open311 itself requires and turned into `reportIssue`'s
 * arguments. Personal data is minimised: of the contact fields only one phone number or e-mail
 * address is kept (for the follow-up visit, readable by ADMIN and SUPERVISOR only); names,
 * device and account ids are not stored.
 */
const optionalText = z
  .string()
  .transform((value) => value.trim())
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const coordinate = (min: number, max: number) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number')
      .transform(Number)
      .refine((value) => value >= min && value <= max, `must be between ${min} and ${max}`)
      .optional(),
  );

const formSchema = z
  .object({
    service_code: z.string().refine(isServiceCode, 'must be one of the service codes listed by services.json'),
    lat: coordinate(-90, 90),
    long: coordinate(-180, 180),
    address_string: optionalText,
    description: optionalText,
    media_url: optionalText,
    email: optionalText,
    phone: optionalText,
    'attribute[station_code]': z.string().min(1, 'is required: the service code printed on the station'),
  })
  // Checked even when other fields are bad (`when`), so one answer names every problem.
  .superRefine(
    (form, context) => {
      const given = (value: unknown) => value !== undefined && String(value).trim() !== '';
      if (given(form.lat) !== given(form.long)) {
        context.addIssue({ code: 'custom', path: [given(form.lat) ? 'long' : 'lat'], message: 'lat and long go together' });
      } else if (!given(form.lat) && !given(form.address_string)) {
        context.addIssue({ code: 'custom', path: ['lat'], message: 'a location is required: lat and long, or address_string' });
      }
    },
    { when: () => true },
  );

export type Open311Form = z.output<typeof formSchema>;

/** Where each `reportIssue` input field came from in the form, to name the form's field in errors. */
const FORM_FIELD_OF_INPUT: Record<string, (form: Record<string, string>) => string> = {
  category: () => 'service_code',
  location: () => 'lat',
  'location.lat': () => 'lat',
  'location.lng': () => 'long',
  address: () => 'address_string',
  description: () => 'description',
  photoUrls: () => 'media_url',
  'photoUrls.0': () => 'media_url',
  reporterContact: (form) => (form.phone?.trim() ? 'phone' : 'email'),
  serviceCode: () => 'attribute[station_code]',
};

export function parseOpen311Form(form: Record<string, string>): { input: Record<string, unknown> } {
  const parsed = parseArguments(formSchema, form);
  const contact = parsed.phone ?? parsed.email;
  return {
    input: {
      category: parsed.service_code,
      description: parsed.description ?? '',
      ...(parsed.lat !== undefined && parsed.long !== undefined ? { location: { lat: parsed.lat, lng: parsed.long, coordinateSystem: 'WGS84' } } : {}),
      ...(parsed.address_string ? { address: parsed.address_string } : {}),
      ...(parsed.media_url ? { photoUrls: [parsed.media_url] } : {}),
      ...(contact ? { reporterContact: contact } : {}),
      serviceCode: parsed['attribute[station_code]'],
      source: 'SERVICE_CODE',
    },
  };
}

/** A `reportIssue` input error renamed to the form's field names; other errors pass unchanged. */
export function inFormTerms(error: unknown, form: Record<string, string>): unknown {
  if (!(error instanceof BadUserInputError)) return error;
  const fields: FieldProblem[] = error.fields.map((field) => {
    const inputPath = field.path.replace(/^input\./, '');
    const rename = FORM_FIELD_OF_INPUT[inputPath];
    return rename ? { ...field, path: rename(form) } : field;
  });
  return new BadUserInputError(fields, { cause: error });
}

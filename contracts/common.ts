import { z } from 'zod';

/** PostgreSQL `integer` upper bound: ids beyond it cannot exist. */
export const MAX_INT = 2_147_483_647;

/** A numeric id in a JSON body. */
export const Id = z.number().int().positive().max(MAX_INT);

/** A numeric id in a path or query string, where it arrives as text. */
export const IdParam = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^[1-9][0-9]{0,9}$/, 'Must be a positive whole number')
      .transform(Number),
  ])
  .pipe(Id);

export const IdParams = z.object({ id: IdParam });

/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDate = z.iso.date();

/** An ISO-8601 timestamp, as responses carry them. */
export const Timestamp = z.string();

/** Page sizes of numbered lists: the default, and the largest a client may ask for. */
export const PAGE_SIZE = 20;
export const PAGE_SIZE_MAX = 50;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE),
});

/** A page of results with the total, for lists that show page numbers. */
export const paged = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
  });

/** Trimmed text with a length range; the trim happens before the length check. */
export const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);

/** An http(s) URL, the only schemes a link we render may carry. */
export const HttpUrl = z
  .string()
  .trim()
  .max(2048)
  .pipe(z.url({ protocol: /^https?$/, message: 'Must be an http or https link' }));

/**
 * Whether any string in a value (keys included) holds a NUL character. PostgreSQL cannot store
 * NUL in text, so every transport refuses such input before validation.
 */
export function hasNulCharacter(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const current = stack.pop();
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return true;
    } else if (Array.isArray(current)) {
      stack.push(...current);
    } else if (current && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\u0000')) return true;
        stack.push(item);
      }
    }
  }
  return false;
}

/** The answer of an action with nothing else to say. */
export const OkResponse = z.object({ ok: z.literal(true) });

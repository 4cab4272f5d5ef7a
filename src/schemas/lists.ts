import { z } from 'zod';

// Multi-valued query parameters are comma-separated (topic=a,b); a repeated parameter is an
// error. This is the one parser for them.

const split = (s: string) =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const listOf = <T extends z.ZodType<unknown, string>>(parse: (s: string) => string[], item: T) =>
  z.string().transform(parse).pipe(z.array(item).min(1, 'must name at least one value'));

/**
 * A list that names a set ("any of"): sorted and without repeats, so each meaning has one
 * spelling for cache keys and links.
 */
export const commaList = <T extends z.ZodType<unknown, string>>(item: T) => listOf((s) => [...new Set(split(s))].sort(), item);

/** A list whose order is the caller's (an embed's hand-picked items, its sections). */
export const orderedCommaList = <T extends z.ZodType<unknown, string>>(item: T) => listOf(split, item);

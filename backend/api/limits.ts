/**
 * Declared limits of the call contract: every string and array has a maximum on the raw input
 * (before trimming), records a maximum number of entries, and inputs whose field limits multiply
 * past WeChat's ~100 KB callFunction limit a byte budget — so that the largest payload any action
 * accepts is bounded from the schemas alone (tests/api/payload-ceiling.test.ts).
 */
import * as z from 'zod';

export const untrimmed = (max: number) => max + 100;
/** Bytes of UTF-8 JSON. */
const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
/**
 * A declared byte budget for an input whose field limits multiply past the ceiling (many long
 * entries): refused beyond `bytes` of JSON; `.meta` lets the payload-ceiling test read the limit.
 */
export function withinBytes<T extends z.ZodType>(schema: T, bytes: number, message: string) {
  return schema.refine((value) => jsonBytes(value) <= bytes, { error: message }).meta({ maxJsonBytes: bytes });
}
/** A record's declared maximum number of entries (checked, and readable as meta). */
export function atMostEntries<T extends z.ZodType<Record<string, unknown>>>(
  schema: T,
  entries: number,
  message: string,
) {
  return schema
    .refine((value) => Object.keys(value).length <= entries, { error: message })
    .meta({ maxEntries: entries });
}
/** The largest single call's data: WeChat refuses callFunction payloads above ~100 KB. */
export const CALL_BUDGET_BYTES = 90_000;

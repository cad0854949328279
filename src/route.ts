/** Reads a page's query parameter, decoding it once (weapp hands it over still encoded). */
export function routeParam(params: Partial<Record<string, string>>, name: string): string {
  const raw = params[name] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** What a QR code or a shared link of one of the app's pages carries, H5 twin: its full web address (hash routing). */
export function pageUrl(path: string): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}#/${path.replace(/^\//, '')}`;
}

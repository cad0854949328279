/**
 * What a QR code or a shared link of one of the app's pages carries, neutral twin (also what
 * WeChat bundles): the page path with its query (`pages/event/index?id=…`), as the
 * mini-program opens it (a real 小程序码 is made by the backend's wxacode job). The H5 twin
 * (page-url.h5.ts) gives the full web address of the page.
 */
export function pageUrl(path: string): string {
  return path.replace(/^\//, '');
}

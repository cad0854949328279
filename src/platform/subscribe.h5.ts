/**
 * WeChat's subscription dialog, H5 twin: a browser has none. Subscribing on the web works only
 * against the local server, whose `reminders.config` says `simulated` and where the page's own
 * confirmation dialog stands in for WeChat's.
 */
export const subscribeDialogAvailable: boolean = false;

export function requestSubscribe(_tmplIds: string[]): Promise<Record<string, string> | null> {
  return Promise.resolve(null);
}

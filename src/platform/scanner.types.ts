/** What both twins of scanner share. */
export interface ScannerProps {
  /** Scan only while true (false while the page is busy with a choice). */
  active: boolean;
  /** One scanned text; the next scan waits until the returned promise settles. */
  onText: (text: string) => Promise<void>;
}

/** Weapp: how long a result card stays before the camera opens again. */
export const CARD_PAUSE_MS = 1200;
/** H5: the same text seen again within this time is the same scan. */
export const REPEAT_IGNORE_MS = 3000;
/** H5: how often a camera frame is decoded. */
export const DECODE_INTERVAL_MS = 150;

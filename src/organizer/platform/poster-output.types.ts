/** What both twins of poster-output share: the poster's content, as the page shows it. */
export interface PosterContent {
  campaignName: string;
  title: string;
  time: string;
  venue: string;
  host: string;
  /** What the drawn QR code encodes (the event page's path or web address). */
  qrText: string;
  /** The backend's 小程序码 (PNG, base64), when it made one. */
  wxacodeBase64: string | null;
}

export interface PosterOutputProps {
  poster: PosterContent;
}

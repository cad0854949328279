/** What both twins of qr-code share. */
export interface QrCodeProps {
  /** The text to encode (a check-in code). */
  text: string;
  /** Accessible description of the picture. */
  label: string;
  className?: string;
}

/** A QR code, H5 twin: an SVG image (see qr-code.tsx). The browser suite reads `data-code`. */
import { useMemo } from 'react';
import { qrMatrix, qrSvgDataUrl } from '../qr';
import type { QrCodeProps } from './qr-code.types';

export type { QrCodeProps } from './qr-code.types';

export function QrCode({ text, label, className }: QrCodeProps) {
  const src = useMemo(() => qrSvgDataUrl(qrMatrix(text)), [text]);
  return (
    <img
      className={`checkin-qr checkin-qr--h5 checkin-qr__canvas ${className ?? ''}`.trim()}
      data-code={text}
      src={src}
      alt={label}
      draggable={false}
    />
  );
}

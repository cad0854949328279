/**
 * QR codes of check-in codes, drawn from qrcode-generator's module matrix. Pure: the platform
 * twins (src/platform/qr-code*.tsx) paint the matrix on a canvas (weapp) or as an SVG (H5).
 */
import qrcode from 'qrcode-generator';

/** Modules of white around the code: the standard's quiet zone, which scanners need. */
export const QUIET_ZONE = 4;

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Row-major, true for a dark module. */
  dark: boolean[];
}

/** Error correction M: a check-in code (~130 characters) makes a 49-module symbol. */
export function qrMatrix(text: string): QrMatrix {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const dark: boolean[] = new Array(size * size);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) dark[r * size + c] = qr.isDark(r, c);
  }
  return { size, dark };
}

/** The matrix as an SVG image (one path of unit squares, quiet zone included), as a data URL. */
export function qrSvgDataUrl(matrix: QrMatrix): string {
  const { size, dark } = matrix;
  const side = size + 2 * QUIET_ZONE;
  let path = '';
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (dark[r * size + c]) path += `M${c + QUIET_ZONE} ${r + QUIET_ZONE}h1v1h-1z`;
    }
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

import { sniffMedia } from '../../backend/core/media';
import { jpegOf, mp4Of, pdfOf, pngOf } from '../support/media';

describe('what an uploaded file really is', () => {
  it('reads image sizes, video lengths and PDFs from the bytes', () => {
    expect(sniffMedia(pngOf(1920, 1080))).toEqual({ mime: 'image/png', width: 1920, height: 1080 });
    expect(sniffMedia(jpegOf(720, 1280))).toEqual({ mime: 'image/jpeg', width: 720, height: 1280 });
    expect(sniffMedia(mp4Of(181))).toEqual({ mime: 'video/mp4', durationSec: 181 });
    expect(sniffMedia(pdfOf())).toEqual({ mime: 'application/pdf' });
  });

  it('refuses what it does not know', () => {
    expect(sniffMedia(new Uint8Array(Buffer.from('GIF89a........')))).toBeNull();
    expect(sniffMedia(new Uint8Array(0))).toBeNull();
    // A JPEG cut before its frame header is still a JPEG, of unknown size (then refused as too small).
    expect(sniffMedia(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0]))).toEqual({ mime: 'image/jpeg' });
  });
});

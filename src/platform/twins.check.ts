/**
 * Never imported by the app: it only makes `tsc` prove that each platform twin exports what the
 * neutral module exports, with the same types (tsc itself always resolves `./call` to call.ts).
 */
import type * as CallNeutral from './call';
import type * as CallH5 from './call.h5';
import type * as CallWeapp from './call.weapp';
import type * as DemoNeutral from './demo-identity';
import type * as DemoH5 from './demo-identity.h5';
import type * as TextFieldNeutral from './text-field';
import type * as TextFieldH5 from './text-field.h5';
import type * as QrCodeNeutral from './qr-code';
import type * as QrCodeH5 from './qr-code.h5';
import type * as ScannerNeutral from './scanner';
import type * as ScannerH5 from './scanner.h5';
import type * as ScreenNeutral from './screen';
import type * as ScreenH5 from './screen.h5';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const callWeappTwinMatches: Same<typeof CallWeapp, typeof CallNeutral> = true;
export const callH5TwinMatches: Same<typeof CallH5, typeof CallNeutral> = true;
export const demoIdentityH5TwinMatches: Same<typeof DemoH5, typeof DemoNeutral> = true;
export const textFieldH5TwinMatches: Same<typeof TextFieldH5, typeof TextFieldNeutral> = true;
export const qrCodeH5TwinMatches: Same<typeof QrCodeH5, typeof QrCodeNeutral> = true;
export const scannerH5TwinMatches: Same<typeof ScannerH5, typeof ScannerNeutral> = true;
export const screenH5TwinMatches: Same<typeof ScreenH5, typeof ScreenNeutral> = true;

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
import type * as FontSizeNeutral from './font-size';
import type * as FontSizeH5 from './font-size.h5';
import type * as A11yNeutral from './a11y';
import type * as A11yH5 from './a11y.h5';
import type * as PageUrlNeutral from './page-url';
import type * as PageUrlH5 from './page-url.h5';
import type * as SubscribeNeutral from './subscribe';
import type * as SubscribeH5 from './subscribe.h5';
import type * as ShareNeutral from './share';
import type * as ShareH5 from './share.h5';
import type * as PrivacyNeutral from './privacy';
import type * as PrivacyH5 from './privacy.h5';
import type * as RootScaleNeutral from './root-scale';
import type * as RootScaleH5 from './root-scale.h5';
import type * as MapNeutral from './map';
import type * as MapH5 from './map.h5';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const callWeappTwinMatches: Same<typeof CallWeapp, typeof CallNeutral> = true;
export const callH5TwinMatches: Same<typeof CallH5, typeof CallNeutral> = true;
export const demoIdentityH5TwinMatches: Same<typeof DemoH5, typeof DemoNeutral> = true;
export const textFieldH5TwinMatches: Same<typeof TextFieldH5, typeof TextFieldNeutral> = true;
export const qrCodeH5TwinMatches: Same<typeof QrCodeH5, typeof QrCodeNeutral> = true;
export const scannerH5TwinMatches: Same<typeof ScannerH5, typeof ScannerNeutral> = true;
export const screenH5TwinMatches: Same<typeof ScreenH5, typeof ScreenNeutral> = true;
export const fontSizeH5TwinMatches: Same<typeof FontSizeH5, typeof FontSizeNeutral> = true;
export const a11yH5TwinMatches: Same<typeof A11yH5, typeof A11yNeutral> = true;
export const pageUrlH5TwinMatches: Same<typeof PageUrlH5, typeof PageUrlNeutral> = true;
export const subscribeH5TwinMatches: Same<typeof SubscribeH5, typeof SubscribeNeutral> = true;
export const shareH5TwinMatches: Same<typeof ShareH5, typeof ShareNeutral> = true;
export const privacyH5TwinMatches: Same<typeof PrivacyH5, typeof PrivacyNeutral> = true;
export const rootScaleH5TwinMatches: Same<typeof RootScaleH5, typeof RootScaleNeutral> = true;
export const mapH5TwinMatches: Same<typeof MapH5, typeof MapNeutral> = true;

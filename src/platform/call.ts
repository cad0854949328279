/**
 * The call transport, neutral twin. Import it as `../platform/call`: Taro's build resolves that
 * to `call.weapp.ts` (wx.cloud) or `call.h5.ts` (HTTP) by TARO_ENV, so this file is bundled only
 * for a platform without a twin. TypeScript and jest, which know nothing of TARO_ENV, see this
 * file; tests replace it with jest.mock. twins.check.ts makes tsc prove the twins export the same.
 */
import type { CallFunction } from './transport';
import { transportFailure } from './transport';

export const callFunction: CallFunction = async () => transportFailure();

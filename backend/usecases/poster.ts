/**
 * What an event poster for the community notice board needs: a scene (≤ 32 characters, as
 * wxacode.getUnlimited requires) and the page it opens, with the 小程序码 image in production;
 * locally the client draws an ordinary QR code of the page instead.
 */
import { mayWorkDoor } from '../core/checkin';
import { fail } from '../core/errors';
import type { Caller, Deps } from './context';

export const POSTER_PAGE = 'pages/event/index';

export async function posterOf(deps: Deps, caller: Caller, eventId: string) {
  const event = await deps.store.getEvent(eventId);
  if (!event) fail('EVENT_NOT_FOUND');
  if (!mayWorkDoor(caller, event)) fail('FORBIDDEN', '只能为本单位的活动生成海报');
  if (event.id.length > 32) fail('VALIDATION_FAILED', '活动编号过长，无法生成小程序码');
  const image = deps.wxacode ? await deps.wxacode(event.id, POSTER_PAGE) : null;
  return {
    scene: event.id,
    page: POSTER_PAGE,
    wxacodeBase64: image ? Buffer.from(image).toString('base64') : null,
  };
}

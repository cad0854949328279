/**
 * Every control of the resident pages has an accessible name (its text, or aria-label where the
 * text is not enough); on the web Taro's buttons get a role, keyboard focus and Enter/Space.
 */
import { render, screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { callFunction } from '../../src/platform/call';
import { installAccessibility } from '../../src/platform/a11y.h5';
import EventPage from '../../src/pages/event/index';
import IndexPage from '../../src/pages/index/index';
import InvitePage from '../../src/pages/invite/index';
import MinePage from '../../src/pages/mine/index';
import SignupPage from '../../src/pages/signup/index';
import { at } from '../../backend/core/time';
import { chooseScale, resetThemeState } from '../../src/theme';
import { clearStorage, setRouterParams } from './stand-ins/taro';
import { aRegistration, aWeek, anEvent, cannedTransport, ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;

const CONTROLS =
  'button, input, textarea, select, [role="button"], [role="link"], [role="tab"], [role="radio"], [role="checkbox"], [role="switch"]';

function accessibleName(el: Element): string {
  const labelled = el.getAttribute('aria-label');
  if (labelled?.trim()) return labelled.trim();
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.placeholder.trim();
  return (el.textContent ?? '').trim();
}

beforeEach(() => {
  jest.clearAllMocks();
  clearStorage();
  resetThemeState();
  chooseScale('large');
  call.mockImplementation(
    cannedTransport({
      'week.get': () => ok(aWeek()),
      'events.list': () => ok({ events: [anEvent()], total: 1 }),
      'event.get': () => ok({ event: anEvent({ onlineUrl: 'https://live.example.cn/1', mode: 'hybrid' }), mine: null }),
      'me.get': () => ok({ role: 'staff', name: '张老师', unitIds: ['u1'], districtId: 'd1' }),
      'signup.mine': () =>
        ok({
          items: [
            {
              registration: aRegistration({ checkedInAt: at('2026-11-14', '09:31'), cancellable: false }),
              event: anEvent(),
            },
          ],
        }),
    }) as typeof callFunction,
  );
});

const PAGES: [string, ComponentType, Record<string, string>, string][] = [
  ['首页', IndexPage, {}, '智能手机使用入门'],
  ['活动详情', EventPage, { id: 'e1' }, '我要报名'],
  ['报名', SignupPage, { id: 'e1' }, '提交报名'],
  ['我的报名', MinePage, {}, '评价'],
  ['接受邀请', InvitePage, {}, '接受邀请'],
];

test.each(PAGES)('%s: every control has a name', async (_name, Page, params, ready) => {
  setRouterParams(params);
  render(<Page />);
  await screen.findAllByText(ready);
  const controls = [...document.querySelectorAll(CONTROLS)];
  expect(controls.length).toBeGreaterThanOrEqual(2);
  const unnamed = controls.filter((el) => !accessibleName(el)).map((el) => el.outerHTML.slice(0, 120));
  expect(unnamed).toEqual([]);
});

test('on the web, Taro’s buttons and tappable views get a role, focus and keyboard activation', async () => {
  document.body.innerHTML =
    '<taro-button-core id="b">报名</taro-button-core><div id="v" role="link" aria-label="通知">通知</div>';
  const undo = installAccessibility();
  const button = document.getElementById('b') as HTMLElement;
  expect(button.getAttribute('role')).toBe('button');
  expect(button.getAttribute('tabindex')).toBe('0');
  expect(document.getElementById('v')?.getAttribute('tabindex')).toBe('0');
  const clicked = jest.fn();
  button.addEventListener('click', clicked);
  button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  expect(clicked).toHaveBeenCalledTimes(1);

  // A button that becomes enabled is announced as enabled again.
  button.setAttribute('disabled', '');
  await new Promise((r) => setTimeout(r, 50));
  expect(button.getAttribute('aria-disabled')).toBe('true');
  button.setAttribute('disabled', 'false');
  await new Promise((r) => setTimeout(r, 50));
  expect(button.hasAttribute('aria-disabled')).toBe(false);

  // Buttons added later are tagged too.
  const later = document.createElement('taro-button-core');
  later.textContent = '刷新';
  document.body.appendChild(later);
  await new Promise((r) => setTimeout(r, 50));
  expect(later.getAttribute('role')).toBe('button');
  undo();
});

/**
 * 满意度抽样与组织奖评审 for a city committee: one sheet per district with 人次 and 人, the
 * evidence each district handed in through 上报任务 under its criterion, and the draw's notice
 * saying how many were told in the app and by subscription message.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import EvaluationPage from '../../src/organizer/evaluation/index';
import { callFunction } from '../../src/platform/call';
import type { AwardSheetView, SatisfactionView } from '../../types/awards-api';
import { cannedTransport, ok } from './builders';
import { figures } from './organizer-fixtures';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;

const view: SatisfactionView = {
  campaignId: 'cp-cz',
  voluntary: { rate: null, ratings: 0, good: 0, meetsExcellence: false },
  samples: [],
};

function sheet(orgId: string, name: string, submitted: AwardSheetView['submitted']): AwardSheetView {
  return {
    org: { id: orgId, name },
    sheet: {
      id: `cp-cz|${orgId}`,
      campaignId: 'cp-cz',
      orgId,
      evidence: [],
      publicity: [],
      scores: {},
      decision: null,
      decidedBy: null,
      decidedAt: null,
      version: 0,
      updatedAt: 0,
    },
    counted: {
      figures: figures({ eventsHeld: 3, attendance: 40, distinctPeople: 31 }),
      unitsTakingPart: 2,
      categories: 2,
      audiences: 3,
      sampled: null,
      meetsSatisfaction: false,
    },
    submitted,
    judgedTotal: 0,
  };
}

const JINTAN = sheet('jintan', '金坛区', {
  leadership: [
    {
      kind: 'text',
      title: '实施方案（320字）',
      excerpt: '区委区政府高度重视',
      task: '方案与总结',
      status: 'returned',
      submittedAt: 1,
    },
  ],
  publicity: [{ kind: 'photo', title: '活动照片 1：启动仪式', task: '方案与总结', status: 'returned', submittedAt: 1 }],
});
const WUJIN = sheet('wujin', '武进区', { leadership: [], publicity: [] });

beforeEach(() => {
  call.mockImplementation(
    cannedTransport({
      'sampling.view': () => ok(view),
      'award.sheets': () => ok({ sheets: [JINTAN, WUJIN] }),
      'sampling.draw': () =>
        ok({
          sample: {
            id: 's1',
            campaignId: 'cp-cz',
            districtId: 'changzhou',
            margin: 0.05,
            seed: 42,
            population: 60,
            strata: [],
            drawn: Array.from({ length: 52 }, (_, i) => `r${i}`),
            drawnAt: 0,
            drawnBy: '市',
            notified: 50,
          },
          messages: { sent: 12, noCredit: 38, failed: 2 },
        }),
    }) as typeof callFunction,
  );
});

test('shows each district’s counted figures and the evidence it handed in, by criterion', async () => {
  render(<EvaluationPage />);
  const jintan = await screen.findByText('金坛区');
  const card = within(jintan.closest('.sheet-card') as HTMLElement);
  expect(card.getByText(/参与 40 人次，31 人/)).toBeTruthy();
  const leadership = within(document.getElementById('submitted-jintan-leadership')!);
  expect(leadership.getByText('领导重视、保障有力：上报材料 1 项')).toBeTruthy();
  expect(leadership.getByText('· 实施方案（320字）（方案与总结，已退回）')).toBeTruthy();
  expect(leadership.getByText('“区委区政府高度重视”')).toBeTruthy();
  const publicity = within(document.getElementById('submitted-jintan-publicity')!);
  expect(publicity.getByText('· 活动照片 1：启动仪式（方案与总结，已退回）')).toBeTruthy();
  expect(
    within(document.getElementById('submitted-wujin-leadership')!).getByText(
      '领导重视、保障有力：未通过上报任务报送材料',
    ),
  ).toBeTruthy();
});

test('the draw says how many were told in the app and by subscription message', async () => {
  render(<EvaluationPage />);
  fireEvent.click(await screen.findByText('随机抽取样本并通知评价'));
  expect(await screen.findByText('已抽取 52 人，站内通知 50 人评价，订阅消息 12 条（种子 42）')).toBeTruthy();
});

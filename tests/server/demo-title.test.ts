import { campaignName } from '../../server/demo/jintan';

describe('the demo week title names the 年度 of its dates', () => {
  it.each([
    ['2026-11-14', '金坛区2026—2027年度全民终身学习活动周'],
    ['2027-11-14', '金坛区2027—2028年度全民终身学习活动周'],
    ['2027-05-10', '金坛区2026—2027年度全民终身学习活动周'],
    ['2026-09-01', '金坛区2026—2027年度全民终身学习活动周'],
  ])('week from %s → %s', (weekStart, title) => {
    expect(campaignName(weekStart)).toBe(title);
  });
});

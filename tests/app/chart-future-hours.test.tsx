import { lineOption } from '../../src/components/charts/options';

describe('hourly chart: hours still to come are not drawn', () => {
  const labels = ['0', '1', '2', '3', '4'];
  const dataOf = (until?: number) => {
    const option = lineOption({ labels, values: [0, 3, 1, 0, 0], label: 'x', until });
    const series = option.series as { data: unknown[] }[];
    return series[0].data;
  };

  it('stops the line after the hour running now instead of drawing zeros', () => {
    const data = dataOf(2);
    expect(data.slice(3)).toEqual(['-', '-']);
    expect((data[1] as { value: number }).value).toBe(3);
    expect((data[2] as { value: number }).value).toBe(1);
  });

  it('draws every hour of a day that is over', () => {
    expect(dataOf(undefined).every((d) => typeof d === 'object')).toBe(true);
  });
});

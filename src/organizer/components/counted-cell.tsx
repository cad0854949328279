/**
 * A cell the backend counted from attendance (never typed): its value, a visible 自动统计 mark,
 * and how it was counted, shown on tap.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Counted } from '../../../types/forms';

export function CountedCell({
  counted,
  id,
  suffix,
}: {
  counted: Counted<number | string>;
  id?: string;
  suffix?: string;
}) {
  const [open, setOpen] = useState(false);
  const empty = counted.value === '' || counted.value === null;
  return (
    <View
      className={`counted${open ? ' counted--open' : ''}`}
      id={id}
      role="button"
      aria-expanded={open}
      aria-label={`${empty ? '—' : counted.value}${suffix ?? ''}，自动统计，点按查看统计依据`}
      onClick={() => setOpen((o) => !o)}
    >
      <Text className="counted__value">
        {empty ? '—' : counted.value}
        {empty ? '' : (suffix ?? '')}
      </Text>
      <Text className="counted__mark">自动统计</Text>
      {open && <Text className="counted__basis">统计依据：{counted.basis}</Text>}
    </View>
  );
}

/**
 * Which unit a form is for: the chosen unit, and on tap the list of units as large rows (easier
 * to hit than a wheel, and the same on WeChat and the web).
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

export interface UnitOption {
  id: string;
  name: string;
}

export function UnitChooser({
  units,
  value,
  onChange,
  idPrefix = 'unit-',
}: {
  units: UnitOption[];
  value: string | null;
  onChange: (id: string) => void;
  /** Prefix of the options' ids, for pages with more than one chooser. */
  idPrefix?: string;
}) {
  const [open, setOpen] = useState(false);
  const current = units.find((u) => u.id === value);
  return (
    <View className="unit-chooser">
      <View className="unit-chooser__current" role="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <Text className="unit-chooser__label">单位</Text>
        <Text className="unit-chooser__name">{current ? current.name : '请选择单位'}</Text>
        <Text className="unit-chooser__arrow">{open ? '▴' : '▾'}</Text>
      </View>
      {open && (
        <View className="unit-chooser__list" role="listbox" aria-label="单位">
          {units.map((u) => (
            <View
              key={u.id}
              id={`${idPrefix}${u.id}`}
              className={`unit-chooser__option${u.id === value ? ' unit-chooser__option--active' : ''}`}
              role="option"
              aria-selected={u.id === value}
              onClick={() => {
                setOpen(false);
                onChange(u.id);
              }}
            >
              <Text>{u.name}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

/**
 * A table sorted by tapping a column header: the first tap sorts numbers from the largest and
 * text in order, the next tap reverses. Rows without a value (—) always come last. Wide tables
 * scroll sideways; the first column names the row. Column widths come from CSS (`col--<size>`).
 */
import { ScrollView, Text, View } from '@tarojs/components';
import { useMemo, useState, type ReactNode } from 'react';

export type SortDir = 'asc' | 'desc';
export type ColumnSize = 'name' | 'text' | 'time' | 'num' | 'wide';

export interface Column<Row> {
  key: string;
  title: string;
  /** What the column sorts by; null sorts last. */
  sortValue: (row: Row) => number | string | null;
  /** What the cell shows; the sort value when omitted (— for null). */
  render?: (row: Row) => ReactNode;
  size: ColumnSize;
}

export interface SortableTableProps<Row> {
  id: string;
  /** What the table lists, for screen readers. */
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  initialSort?: { key: string; dir: SortDir };
  rowClassName?: (row: Row) => string;
  empty?: string;
}

const collator = typeof Intl !== 'undefined' ? new Intl.Collator('zh-CN') : null;

function compare(a: number | string | null, b: number | string | null, dir: SortDir): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order =
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : collator
        ? collator.compare(String(a), String(b))
        : String(a).localeCompare(String(b));
  return dir === 'asc' ? order : -order;
}

export function sortRows<Row>(rows: readonly Row[], column: Column<Row> | undefined, dir: SortDir): Row[] {
  if (!column) return [...rows];
  return [...rows].sort((x, y) => compare(column.sortValue(x), column.sortValue(y), dir));
}

export function SortableTable<Row>({
  id,
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
  rowClassName,
  empty = '暂无数据',
}: SortableTableProps<Row>) {
  const [sort, setSort] = useState<{ key: string; dir: SortDir } | null>(initialSort ?? null);
  const column = columns.find((c) => c.key === sort?.key);
  const sorted = useMemo(() => sortRows(rows, column, sort?.dir ?? 'asc'), [rows, column, sort?.dir]);

  const tap = (c: Column<Row>) => {
    setSort((now) => {
      if (now?.key === c.key) return { key: c.key, dir: now.dir === 'asc' ? 'desc' : 'asc' };
      const sample = rows.map(c.sortValue).find((v) => v !== null);
      return { key: c.key, dir: typeof sample === 'number' ? 'desc' : 'asc' };
    });
  };

  return (
    <ScrollView className="table-scroll" scrollX enhanced showScrollbar>
      <View className="table" id={id} role="table" aria-label={caption}>
        <View className="table__row table__row--head" role="row">
          {columns.map((c) => {
            const active = sort?.key === c.key;
            const ariaSort = active ? (sort?.dir === 'asc' ? 'ascending' : 'descending') : 'none';
            return (
              <View
                key={c.key}
                className={`table__cell table__th col--${c.size}${active ? ' table__th--active' : ''}`}
                role="columnheader"
                aria-sort={ariaSort}
                data-key={c.key}
                onClick={() => tap(c)}
              >
                <Text className="table__th-text">{c.title}</Text>
                <Text className="table__th-arrow">{active ? (sort?.dir === 'asc' ? '▲' : '▼') : '↕'}</Text>
              </View>
            );
          })}
        </View>
        {sorted.length === 0 ? (
          <View className="table__row" role="row">
            <View className="table__empty" role="cell">
              <Text>{empty}</Text>
            </View>
          </View>
        ) : (
          sorted.map((row) => (
            <View
              key={rowKey(row)}
              className={`table__row ${rowClassName?.(row) ?? ''}`.trim()}
              role="row"
              data-row={rowKey(row)}
            >
              {columns.map((c) => {
                const value = c.sortValue(row);
                return (
                  <View key={c.key} className={`table__cell col--${c.size}`} role="cell" data-col={c.key}>
                    {c.render ? c.render(row) : <Text>{value === null ? '—' : String(value)}</Text>}
                  </View>
                );
              })}
            </View>
          ))
        )}
      </View>
    </ScrollView>
  );
}

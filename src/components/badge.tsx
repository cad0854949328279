import { Text } from '@tarojs/components';
import type { Tone } from '../format';

/** A small coloured label: green ok, amber waiting, grey muted, blue info. */
export function Badge({ text, tone, className = '' }: { text: string; tone: Tone; className?: string }) {
  return <Text className={`badge badge--${tone} ${className}`.trim()}>{text}</Text>;
}

/** A page's one-line outcome of its last action (read out as a status); nothing when there is none. */
import { Text, View } from '@tarojs/components';

export function NoticeLine({ id, text }: { id: string; text: string | null | undefined }) {
  if (!text) return null;
  return (
    <View className="notice-line" id={id} role="status">
      <Text>{text}</Text>
    </View>
  );
}

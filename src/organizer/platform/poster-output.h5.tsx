/**
 * Getting a poster out, H5 twin: 打印海报 opens the browser's print dialog; the page's print
 * styles leave only the poster on the sheet (A4, portrait), which can also be saved as PDF.
 */
import { Button, Text, View } from '@tarojs/components';
import type { PosterOutputProps } from './poster-output.types';

export type { PosterContent, PosterOutputProps } from './poster-output.types';

export function PosterOutput(_props: PosterOutputProps) {
  return (
    <View className="poster-output">
      <Button className="btn btn--primary btn--block print-poster" onClick={() => window.print()}>
        打印海报
      </Button>
      <Text className="poster-output__hint">打印时只打印海报本身；也可以在打印对话框中“另存为 PDF”。</Text>
    </View>
  );
}

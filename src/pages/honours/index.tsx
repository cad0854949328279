/**
 * 评选结果: the honours of the week as approved, for everyone. The backend sends only what each
 * nominee agreed to show (a masked name, no photo, no personal fields otherwise).
 */
import { Image, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ApiError } from '../../../types/api';
import type { PublishedHonourView } from '../../../types/awards-api';
import { callResident } from '../../api/client';
import { Empty, ErrorState, Loading } from '../../components/states';
import { ThemedPage } from '../../theme';
import './index.css';

export default function HonoursListPage() {
  const [data, setData] = useState<{ campaignName: string; honours: PublishedHonourView[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    setError(null);
    const res = await callResident('honours.published', {});
    if (res.ok) setData(res.data);
    else setError(res.error);
  }, []);
  useDidShow(() => {
    void load();
  });

  const kinds = data ? [...new Set(data.honours.map((h) => h.kindName))] : [];
  return (
    <ThemedPage className="honours-list-page">
      <Text className="page-title">评选结果</Text>
      {error ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : !data ? (
        <Loading />
      ) : data.honours.length === 0 ? (
        <Empty text="评选结果尚未公布。" />
      ) : (
        <>
          <Text className="section__hint">{data.campaignName}</Text>
          {kinds.map((kindName) => (
            <View key={kindName} className="section" id={`honours-${kindName}`}>
              <Text className="section__title">{kindName}</Text>
              {data.honours
                .filter((h) => h.kindName === kindName)
                .map((h) => (
                  <View key={h.id} className="honour-item" id={`honour-${h.id}`}>
                    <Text className="honour-item__name">{h.nomineeName}</Text>
                    <Text className="honour-item__org">{h.orgName}</Text>
                    {h.fields.map((f) => (
                      <Text key={f.label} className="honour-item__field">
                        {f.label}：{f.value}
                      </Text>
                    ))}
                    {h.text && <Text className="honour-item__text">{h.text}</Text>}
                    {h.photos.map((url) => (
                      <Image key={url} src={url} mode="widthFix" className="honour-item__photo" />
                    ))}
                  </View>
                ))}
            </View>
          ))}
        </>
      )}
    </ThemedPage>
  );
}

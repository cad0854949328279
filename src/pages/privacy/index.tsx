/** 个人信息保护说明: what the sign-up collects, why, who sees it, for how long, how to withdraw. */
import { Text, View } from '@tarojs/components';
import { ThemedPage } from '../../theme';
import './index.css';

const SECTIONS: { title: string; body: string[] }[] = [
  {
    title: '我们收集什么',
    body: ['报名活动时，我们只收集您填写的：姓名、手机号、同行家属人数。', '我们不收集身份证号、住址或其他信息。'],
  },
  {
    title: '为什么收集',
    body: [
      '用于活动报名和名额安排：确认您的报名、安排候补递补。',
      '用于活动现场签到：工作人员核对报名信息。',
      '用于活动周统计：只统计人数和场次，不公开个人信息。',
    ],
  },
  {
    title: '谁能看到',
    body: [
      '只有承办该活动的单位工作人员能看到完整的报名信息，用于联系和签到。',
      '在其他地方（如统计报表、名单公示），姓名和手机号都会部分隐藏，例如“王*明”“138****5678”。',
      '我们不会把您的信息提供给与活动无关的单位或个人，也不会用于商业推广。',
    ],
  },
  {
    title: '保存多久',
    body: [
      '报名信息只保存到本届活动周统计上报结束；之后将删除，或去除姓名、手机号后仅保留统计数字。',
      '为方便下次报名，您上次填写的姓名和手机号只保存在您自己的手机上；在报名页点“清空，不再保存”即可删除。',
    ],
  },
  {
    title: '如何取消',
    body: [
      '活动开始前，您可以随时在“我的报名”中点击“取消报名”，名额会让给其他居民。',
      '如需更正或删除您的信息，可联系活动承办单位或活动周组织单位。',
    ],
  },
];

export default function PrivacyPage() {
  return (
    <ThemedPage className="privacy-page">
      <Text className="privacy__title">个人信息保护说明</Text>
      <Text className="privacy__intro">
        全民终身学习活动周报名服务由区活动周组织单位提供。为了帮您报名参加活动，我们需要使用少量个人信息，说明如下。
      </Text>
      {SECTIONS.map((section) => (
        <View key={section.title} className="privacy__section">
          <Text className="privacy__heading">{section.title}</Text>
          {section.body.map((line) => (
            <Text key={line} className="privacy__text">
              {line}
            </Text>
          ))}
        </View>
      ))}
    </ThemedPage>
  );
}

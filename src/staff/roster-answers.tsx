/**
 * The answers to the event's sign-up questions on the door roster (staff `roster.answers`):
 * fetched when the page opens and again when the number of sign-ups or walk-ins changes; one line
 * under each person (sign-up or walk-in) who answered. Offline, nothing is shown (the answers are not kept on the device).
 */
import { Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { StaffOutput } from './api';
import { callStaff } from './api';

type Answers = StaffOutput<'roster.answers'>;

export function useRosterAnswers(eventId: string | undefined, signups: number): Map<string, string> {
  const [answers, setAnswers] = useState<Answers | null>(null);
  useEffect(() => {
    if (!eventId) return;
    let live = true;
    void callStaff('roster.answers', { eventId }).then((res) => {
      if (live && res.ok) setAnswers(res.data);
    });
    return () => {
      live = false;
    };
  }, [eventId, signups]);
  const lines = new Map<string, string>();
  for (const id of answers?.selfCheckins ?? []) lines.set(id, '自助签到');
  const lineOf = (cells: string[]) =>
    (answers?.questions ?? [])
      .map((q, i) => (cells[i] ? `${q.label}：${cells[i]}` : ''))
      .filter(Boolean)
      .join(' · ');
  for (const a of answers?.answers ?? []) {
    const line = lineOf(a.cells);
    const self = lines.get(a.registrationId);
    if (line) lines.set(a.registrationId, self ? `${self} · ${line}` : line);
  }
  // Walk-ins by their check-in id (walkin_…), which no sign-up id can be.
  for (const w of answers?.walkIns ?? []) {
    const line = lineOf(w.cells);
    if (line) lines.set(w.id, line);
  }
  return lines;
}

export function EntryAnswers({ line }: { line: string | undefined }) {
  return line ? <Text className="roster-entry__line roster-entry__answers">{line}</Text> : null;
}

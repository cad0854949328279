/**
 * The answers to an event's sign-up questions beside its door roster (报名信息), its walk-ins'
 * answers (现场登记), and which sign-ups checked themselves in (自助签到), for whoever
 * works the door (mayWorkDoor). The host's own questions are masked where names are masked
 * (core/privacy.ts, core/signup-questions.ts answerShown).
 */
import type { SignupQuestion } from '../../types/domain';
import { exportShowsFullNames } from '../core/privacy';
import { answerCells } from '../core/signup-questions';
import type { Caller, Deps } from './context';
import { eventOfUnit } from './registrants';

export interface RosterAnswers {
  questions: SignupQuestion[];
  /** One line per sign-up that answered anything; cells in the order of `questions`. */
  answers: { registrationId: string; cells: string[] }[];
  /** Sign-ups checked in by self check-in (自助签到, usecases/self-checkin.ts). */
  selfCheckins: string[];
  /** Walk-ins (现场登记) that answered anything, by check-in id; cells as for sign-ups. */
  walkIns: { id: string; cells: string[] }[];
}

const answered = (answers: Record<string, string> | undefined) => !!answers && Object.keys(answers).length > 0;

export async function rosterAnswers(deps: Deps, caller: Caller, eventId: string): Promise<RosterAnswers> {
  const event = await eventOfUnit(deps, caller, eventId);
  const questions = event.questions ?? [];
  const full = exportShowsFullNames(caller, event.unitId);
  const [regs, checkins] = await Promise.all([
    questions.length ? deps.store.listRegistrationsOfEvent(event.id) : [],
    deps.store.listCheckinsOfEvent(event.id),
  ]);
  const selfCheckins = checkins
    .filter((c) => c.status === 'active' && c.method === 'self' && c.registrationId)
    .map((c) => c.registrationId as string);
  return {
    questions,
    selfCheckins,
    answers: regs
      .filter((r) => r.status !== 'pending' && answered(r.answers))
      .map((r) => ({ registrationId: r.id, cells: answerCells(questions, r.answers, full) })),
    walkIns: checkins
      .filter((c) => c.status === 'active' && c.method === 'walkin' && answered(c.answers))
      .map((c) => ({ id: c.id, cells: answerCells(questions, c.answers, full) })),
  };
}

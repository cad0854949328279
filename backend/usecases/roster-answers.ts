/**
 * The answers to an event's sign-up questions beside its door roster (报名信息), for whoever
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
}

export async function rosterAnswers(deps: Deps, caller: Caller, eventId: string): Promise<RosterAnswers> {
  const event = await eventOfUnit(deps, caller, eventId);
  const questions = event.questions ?? [];
  if (questions.length === 0) return { questions: [], answers: [] };
  const full = exportShowsFullNames(caller, event.unitId);
  const regs = await deps.store.listRegistrationsOfEvent(event.id);
  return {
    questions,
    answers: regs
      .filter((r) => r.status !== 'pending' && r.answers && Object.keys(r.answers).length > 0)
      .map((r) => ({ registrationId: r.id, cells: answerCells(questions, r.answers, full) })),
  };
}

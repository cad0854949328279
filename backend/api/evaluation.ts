/**
 * The evaluation actions: satisfaction samples, the organisation award and honours (organizer
 * function), and the published honours list (resident function).
 */
import type { EvaluationActions, HonourResidentActions } from '../../types/awards-api';
import { awardSheets, decideAward, scoreCriterion, setEvidence } from '../usecases/award';
import {
  actOnNomination,
  honourKinds,
  honourPresets,
  listNominations,
  publishedHonours,
  saveHonourKind,
  saveNomination,
  uploadNominationPhoto,
} from '../usecases/honours';
import { drawSample, satisfactionView } from '../usecases/sampling';
import type { HandlersOf } from './edge';

export const evaluationHandlers: HandlersOf<EvaluationActions> = {
  'sampling.draw': (deps, caller, input) => drawSample(deps, caller, input),
  'sampling.view': (deps, caller, input) => satisfactionView(deps, caller, input.campaignId),
  'award.sheets': async (deps, caller, input) => ({ sheets: await awardSheets(deps, caller, input.campaignId) }),
  'award.score': async (deps, caller, input) => ({ sheet: await scoreCriterion(deps, caller, input) }),
  'award.evidence': async (deps, caller, input) => ({ sheet: await setEvidence(deps, caller, input) }),
  'award.decide': async (deps, caller, input) => ({ sheet: await decideAward(deps, caller, input) }),
  'honours.kinds': async (deps, _caller, input) => ({
    kinds: await honourKinds(deps, input.campaignId),
    presets: [...honourPresets()],
  }),
  'honours.saveKind': async (deps, caller, input) => ({ kind: await saveHonourKind(deps, caller, input) }),
  'nominations.list': async (deps, caller, input) => ({
    nominations: await listNominations(deps, caller, input.campaignId),
  }),
  'nomination.save': async (deps, caller, input) => ({ nomination: await saveNomination(deps, caller, input) }),
  'nomination.act': async (deps, caller, input) => ({ nomination: await actOnNomination(deps, caller, input) }),
  'nomination.photo': async (deps, caller, input) => ({ file: await uploadNominationPhoto(deps, caller, input) }),
};

export const honourResidentHandlers: HandlersOf<HonourResidentActions> = {
  'honours.published': (deps, _caller, input) => publishedHonours(deps, input.campaignId),
};

import { defineHandlers, type HandlerContext } from '../handlers/context';
import type { Result } from '../result';
import { readAnswer } from './read';
import type { Answer, AnswerRequest } from './types';

/** "Vierde pijler in cijfers": the answer for a scenario and reference day. */
export const answerHandlers = defineHandlers({
  'answer.read': (args: AnswerRequest | undefined, { session }: HandlerContext): Result<Answer> =>
    readAnswer(session.db, args ?? {}),
});

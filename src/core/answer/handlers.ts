import { defineHandlers, type HandlerContext } from '../handlers/context';
import { err, ok, type Result } from '../result';
import { answerDocx, answerMarkdown, answerPdf, answerWorkbook } from './export';
import { readAnswer } from './read';
import type { Answer, AnswerRequest } from './types';

export type AnswerFormat = 'xlsx' | 'md' | 'docx' | 'pdf';

export const ANSWER_FORMATS: readonly AnswerFormat[] = ['xlsx', 'md', 'docx', 'pdf'];

/** "vierde-pijler-in-cijfers-2023-01-01-basis.docx": the day and the scenario in the name. */
export function answerFileName(answer: Answer, format: AnswerFormat): string {
  const scenario = answer.scenario.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `vierde-pijler-in-cijfers-${answer.date}${scenario ? `-${scenario}` : ''}.${format}`;
}

/** The answer in one of its file formats, as bytes (the renderers are pure functions of it). */
export async function answerBytes(
  answer: Answer,
  format: AnswerFormat,
): Promise<Result<Uint8Array>> {
  switch (format) {
    case 'md':
      return ok(new TextEncoder().encode(answerMarkdown(answer)));
    case 'docx':
      return ok(answerDocx(answer));
    case 'xlsx':
      return ok(await answerWorkbook(answer));
    case 'pdf':
      return ok(await answerPdf(answer));
    default:
      return err(
        'answer-format',
        `Onbekend formaat "${String(format)}": kies ${ANSWER_FORMATS.map((f) => `.${f}`).join(', ')}.`,
        { format: String(format) },
      );
  }
}

/** "Vierde pijler in cijfers": the answer for a scenario and reference day, and its files. */
export const answerHandlers = defineHandlers({
  'answer.read': (args: AnswerRequest | undefined, { session }: HandlerContext): Result<Answer> =>
    readAnswer(session.db, args ?? {}),

  'answer.export': async (
    args: { request?: AnswerRequest; format: AnswerFormat },
    { session }: HandlerContext,
  ): Promise<Result<{ bytes: Uint8Array; fileName: string }>> => {
    const answer = readAnswer(session.db, args.request ?? {});
    if (!answer.ok) return answer;
    const bytes = await answerBytes(answer.value, args.format);
    if (!bytes.ok) return bytes;
    return ok({ bytes: bytes.value, fileName: answerFileName(answer.value, args.format) });
  },
});

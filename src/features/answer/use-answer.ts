import { useEffect, useState } from 'react';
import { useCore } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import type { Answer, AnswerRequest } from '../../core/answer/types';
import { useDashboardOptions } from '../dashboard/use-dashboard';

/**
 * The scenarios to choose from (the dashboard's options), then the answer for the chosen
 * scenario and reference day, read again whenever the workspace changes (an import, an edit,
 * an undo).
 */
export function useAnswer(request: AnswerRequest) {
  const core = useCore();
  const { revision } = useWorkspace();
  const options = useDashboardOptions();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { scenarioId, date } = request;
  useEffect(() => {
    let current = true;
    void core
      .call('answer.read', {
        ...(scenarioId === undefined ? {} : { scenarioId }),
        ...(date === undefined ? {} : { date }),
      })
      .then((result) => {
        if (!current) return;
        if (result.ok) {
          setAnswer(result.value);
          setError(null);
        } else {
          setAnswer(null);
          setError(result.error.message);
        }
      });
    return () => {
      current = false;
    };
  }, [core, scenarioId, date, revision]);
  return { options, answer, error };
}

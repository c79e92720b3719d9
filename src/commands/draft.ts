// STUB: the draft command (issue 3).
import { WebcareError } from '../errors.js';
export async function runDraft(_file: string | undefined, _options: Record<string, unknown>): Promise<void> {
  throw new WebcareError('draft is not built yet.');
}

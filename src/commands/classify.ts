// STUB: the classify command (issue 5).
import { WebcareError } from '../errors.js';
export async function runClassify(_file: string | undefined, _options: Record<string, unknown>): Promise<void> {
  throw new WebcareError('classify is not built yet.');
}

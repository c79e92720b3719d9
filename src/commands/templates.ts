// STUB: the templates commands (issue 7).
import { WebcareError } from '../errors.js';
const notYet = async (..._args: unknown[]): Promise<void> => {
  throw new WebcareError('templates is not built yet.');
};
export const runTemplatesList = notYet;
export const runTemplatesShow = notYet;
export const runTemplatesInit = notYet;
export const runTemplatesPath = notYet;
export const runTemplatesCheck = notYet;

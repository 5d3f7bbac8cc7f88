/** The answer's exports: pure functions of an Answer (no database), for the CLI and `answer.export`. */
export { answerMarkdown } from './markdown';
export { answerDocx } from './docx';
export { answerWorkbook } from './workbook';
export { answerPdf } from './pdf';

export { ExportMenu } from './ExportMenu';
export { ExportProgress } from './ExportProgress';
export { useExportJob, type ExportState } from './use-export-job';

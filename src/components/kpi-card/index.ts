export { KpiCard } from './KpiCard';

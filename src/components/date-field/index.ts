export { DateField, parseBelgianDate } from './DateField';

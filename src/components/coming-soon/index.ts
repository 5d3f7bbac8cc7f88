export { ComingSoon, type Fact } from './ComingSoon';

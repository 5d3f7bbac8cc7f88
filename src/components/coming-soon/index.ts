export { ComingSoon, ComingSoonScreen, type Fact, type FactSpec } from './ComingSoon';
export { fteFact, integerFact } from './fact-formats';

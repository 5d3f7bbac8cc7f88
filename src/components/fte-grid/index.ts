export {
  FteGrid,
  type FteCell,
  type FteGridProps,
  type FteWrite,
  type FteWriteKind,
} from './FteGrid';

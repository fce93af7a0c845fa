export { CONTEXT_LENGTH, describeRange, type DescribedRange } from './describe';
export {
  anchor,
  DEFAULT_MIN_SCORE,
  MIN_QUOTE_SIMILARITY,
  maxErrorsFor,
  type AnchorMethod,
  type AnchorOptions,
  type AnchorResult,
  type AnchorTarget,
} from './anchor';
export {
  anchorAll,
  PositionMap,
  reanchorAll,
  reanchorOne,
  type AnchorableHighlight,
  type AnchoredHighlight,
  type ReanchorOptions,
  type ReanchorResult,
} from './reanchor';

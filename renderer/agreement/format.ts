import { labels } from '../i18n';

/** The figures are written by core (the e2e test writes the core's figures the same way); the unit names are words. */
export { formatCoefficient, formatPercent } from '../../core/agreement/format';

export const UNIT_LABEL = labels({ sentence: 'agreement.unitSentences', paragraph: 'agreement.unitParagraphs', character: 'agreement.unitCharacters' });

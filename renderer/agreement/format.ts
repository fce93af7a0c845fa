import { labels } from '../i18n';

export { formatCoefficient, formatPercent } from '../../core/agreement/format';

export const UNIT_LABEL = labels({ sentence: 'agreement.unitSentences', paragraph: 'agreement.unitParagraphs', character: 'agreement.unitCharacters' });

import { msg } from '../i18n';
import { NamedSetsBar, type SetWords } from '../ui/NamedSetsBar';
import type { useCollections } from './use-collections';

interface Props {
  collections: ReturnType<typeof useCollections>;
  /** The collection the list shows, or null for every source. */
  shown: string | null;
  onShow(collectionId: string | null): void;
  /** The sources the actions apply to: the checked ones, else the open one. */
  targets: string[];
}

const WORDS: SetWords = 'collection';

/**
 * Source collections in the sources pane (issue 16): show one collection (a filter of the list), create one from the
 * selected sources, add or remove the selected sources, rename or delete a collection.
 */
export function CollectionsBar({ collections, shown, onShow, targets }: Props) {
  const what = targets.length === 1 ? msg('sources.theSelectedSource') : msg('sources.theSelectedSources', { toLocaleString: targets.length });
  return <NamedSetsBar words={WORDS} sets={collections.sets} shown={shown} onShow={onShow} targets={targets} targetLabel={what} />;
}

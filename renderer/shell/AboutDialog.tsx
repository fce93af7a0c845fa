import { msg } from '../i18n';
import { useEffect, useState } from 'react';
import { call } from '../api';
import { Modal } from '../ui/Modal';

export function AboutDialog({ onClose }: { onClose(): void }) {
  const [info, setInfo] = useState<{ version: string; dataDir: string } | null>(null);
  useEffect(() => {
    call('appInfo').then(setInfo, () => setInfo(null));
  }, []);
  return (
    <Modal title={msg('shell.aboutResearchNotebook')} onClose={onClose}>
      <p>{msg('shell.aNotebookForReadingHighlighting')}</p>
      {info && (
        <dl className="about">
          <dt>{msg('shell.version')}</dt>
          <dd>{info.version}</dd>
          <dt>{msg('shell.notebookFolder')}</dt>
          <dd><code>{info.dataDir}</code></dd>
        </dl>
      )}
    </Modal>
  );
}

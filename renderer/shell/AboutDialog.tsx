import { useEffect, useState } from 'react';
import { call } from '../api';
import { Modal } from '../ui/Modal';

export function AboutDialog({ onClose }: { onClose(): void }) {
  const [info, setInfo] = useState<{ version: string; dataDir: string } | null>(null);
  useEffect(() => {
    call('appInfo').then(setInfo, () => setInfo(null));
  }, []);
  return (
    <Modal title="About Research Notebook" onClose={onClose}>
      <p>A notebook for reading, highlighting, tagging and annotating a corpus of articles. Everything stays on this computer.</p>
      {info && (
        <dl className="about">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Notebook folder</dt>
          <dd><code>{info.dataDir}</code></dd>
        </dl>
      )}
    </Modal>
  );
}

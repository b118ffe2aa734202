import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../shared/ipc/contract';
import type { GongwenDocument } from '../shared/model';
import { TopBar } from './features/shell/TopBar';
import { NoticeBar } from './features/shell/NoticeBar';
import { FontNotice } from './features/fonts/FontNotice';
import { HomeScreen } from './features/home/HomeScreen';
import { EditorScreen } from './features/shell/EditorScreen';
import { ErrorBanner } from './features/shell/ErrorBanner';
import { usePlatform } from './platform/context';

/** `version` changes when the draft is replaced under the editor (a restored revision): the editor remounts. */
export type Screen = { name: 'home' } | { name: 'editor'; draftId: string; document: GongwenDocument; version: number; revision?: number | undefined };

export function App() {
  const [screen, setScreen] = useState<Screen>({ name: 'home' });
  const openDraft = useCallback((draftId: string, document: GongwenDocument, revision?: number) => setScreen({ name: 'editor', draftId, document, version: 0, revision }), []);
  const reloadDraft = useCallback(
    (draftId: string, document: GongwenDocument, revision?: number) =>
      setScreen((s) => ({ name: 'editor', draftId, document, version: s.name === 'editor' ? s.version + 1 : 0, revision })),
    [],
  );
  const goHome = useCallback(() => setScreen({ name: 'home' }), []);
  const platform = usePlatform();
  const [openError, setOpenError] = useState<AppError | null>(null);
  // A .gwdraft double-clicked in the OS (desktop app): import it as a draft and open it.
  useEffect(
    () =>
      platform.on('file:open', (filePath) => {
        void platform.api['drafts:openPath']({ path: filePath }).then((result) => {
          if (result.ok) openDraft(result.value.id, result.value.document, result.value.revision);
          else setOpenError(result.error);
        });
      }),
    [platform, openDraft],
  );
  // 文件 → 新建报告: back home with the choice of templates open.
  const [newReport, setNewReport] = useState(0);
  useEffect(
    () =>
      platform.on('menu:command', (command) => {
        if (command !== 'new-report') return;
        goHome();
        setNewReport((n) => n + 1);
      }),
    [platform, goHome],
  );
  return (
    <div className="app">
      <TopBar />
      <NoticeBar />
      <FontNotice />
      <ErrorBanner error={openError} onDismiss={() => setOpenError(null)} />
      {screen.name === 'home' ? (
        <HomeScreen onOpen={openDraft} newReport={newReport} />
      ) : (
        <EditorScreen
          key={`${screen.draftId}:${screen.version}`}
          draftId={screen.draftId}
          initialDocument={screen.document}
          initialRevision={screen.revision}
          onClose={goHome}
          onReload={reloadDraft}
        />
      )}
    </div>
  );
}

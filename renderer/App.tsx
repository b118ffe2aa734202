import { useCallback, useState } from 'react';
import type { GongwenDocument } from '../shared/model';
import { TopBar } from './features/shell/TopBar';
import { NoticeBar } from './features/shell/NoticeBar';
import { FontNotice } from './features/fonts/FontNotice';
import { HomeScreen } from './features/home/HomeScreen';
import { EditorScreen } from './features/shell/EditorScreen';

/** `version` changes when the draft is replaced under the editor (a restored revision): the editor remounts. */
export type Screen = { name: 'home' } | { name: 'editor'; draftId: string; document: GongwenDocument; version: number };

export function App() {
  const [screen, setScreen] = useState<Screen>({ name: 'home' });
  const openDraft = useCallback((draftId: string, document: GongwenDocument) => setScreen({ name: 'editor', draftId, document, version: 0 }), []);
  const reloadDraft = useCallback(
    (draftId: string, document: GongwenDocument) => setScreen((s) => ({ name: 'editor', draftId, document, version: s.name === 'editor' ? s.version + 1 : 0 })),
    [],
  );
  const goHome = useCallback(() => setScreen({ name: 'home' }), []);
  return (
    <div className="app">
      <TopBar />
      <NoticeBar />
      <FontNotice />
      {screen.name === 'home' ? (
        <HomeScreen onOpen={openDraft} />
      ) : (
        <EditorScreen key={`${screen.draftId}:${screen.version}`} draftId={screen.draftId} initialDocument={screen.document} onClose={goHome} onReload={reloadDraft} />
      )}
    </div>
  );
}

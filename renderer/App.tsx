import { useCallback, useState } from 'react';
import type { GongwenDocument } from '../shared/model';
import { TopBar } from './features/shell/TopBar';
import { HomeScreen } from './features/home/HomeScreen';
import { EditorScreen } from './features/shell/EditorScreen';

export type Screen = { name: 'home' } | { name: 'editor'; draftId: string; document: GongwenDocument };

export function App() {
  const [screen, setScreen] = useState<Screen>({ name: 'home' });
  const openDraft = useCallback((draftId: string, document: GongwenDocument) => setScreen({ name: 'editor', draftId, document }), []);
  const goHome = useCallback(() => setScreen({ name: 'home' }), []);
  return (
    <div className="app">
      <TopBar />
      {screen.name === 'home' ? (
        <HomeScreen onOpen={openDraft} />
      ) : (
        <EditorScreen key={screen.draftId} draftId={screen.draftId} initialDocument={screen.document} onClose={goHome} />
      )}
    </div>
  );
}

import { createContext, useContext, type ReactNode } from 'react';
import type { CatalogueKind } from '../api/save-catalogue-item';

type CatalogueChanged = (kind: CatalogueKind) => void;

const CatalogueChangesContext = createContext<CatalogueChanged>(() => undefined);

/**
 * Lets the page that composes the catalogue refresh the views of other features a catalogue
 * write affects (analytics, profiles, role filters) without this feature importing them.
 */
export function CatalogueChangesProvider({ onChange, children }: { onChange: CatalogueChanged; children: ReactNode }) {
  return <CatalogueChangesContext.Provider value={onChange}>{children}</CatalogueChangesContext.Provider>;
}

export function useCatalogueChanged(): CatalogueChanged {
  return useContext(CatalogueChangesContext);
}

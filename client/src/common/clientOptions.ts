import type { LanguageClientOptions } from 'vscode-languageclient';

export const clientId = 'routelens';
export const clientName = 'RouteLens';

export const clientOptions: LanguageClientOptions = {
  documentSelector: [
    { language: 'rpsl' },
    { language: 'aspa' },
  ],
  synchronize: { configurationSection: 'routelens' },
};

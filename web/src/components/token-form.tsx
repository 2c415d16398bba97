import { useState, type FormEvent, type ReactNode } from 'react';
import { readToken, saveToken } from '../api/api-client.ts';

/**
 * Where the admin token is pasted when the server sets auth.adminTokenEnv. It is kept in
 * sessionStorage: sent with each API call from this tab, gone when the tab closes.
 */
export function TokenForm({ onSaved }: { onSaved: () => void }): ReactNode {
  const [token, setToken] = useState(readToken);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    saveToken(token.trim());
    onSaved();
  };
  return (
    <details className="token">
      <summary>Admin token{readToken() ? ' (set)' : ''}</summary>
      <form onSubmit={submit}>
        <label>
          Token
          <input
            type="password"
            name="admin-token"
            autoComplete="off"
            value={token}
            onChange={(event) => setToken(event.target.value)}
          />
        </label>
        <button type="submit">Use token</button>
        <p className="hint">Needed only when the server sets auth.adminTokenEnv.</p>
      </form>
    </details>
  );
}

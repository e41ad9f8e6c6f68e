import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Electron's safeStorage (OS keychain / DPAPI / libsecret) when the host has one. */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

/** Where main keeps the refresh token: never in the store the renderer's queries read, never sent to the renderer. */
export interface SecretStore {
  read(): string | null;
  write(secret: string | null): void;
}

/**
 * A file in the data folder, readable by this OS user only (0600). With a cipher (Electron's
 * safeStorage) the file holds the sealed bytes, so a copied data folder does not carry a
 * usable session; without one (the web host, or Linux without a keyring) the mode is the guard.
 */
export function fileSecretStore(dataDir: string, cipher?: SecretCipher): SecretStore {
  const file = join(dataDir, cipher ? 'sync-session.sealed' : 'sync-session.token');
  return {
    read() {
      if (!existsSync(file)) return null;
      try {
        const bytes = readFileSync(file);
        return cipher ? cipher.decrypt(bytes) : bytes.toString('utf8').trim() || null;
      } catch {
        // Unreadable (another OS user's keyring, a damaged file): the person signs in again.
        return null;
      }
    },
    write(secret) {
      if (secret === null) {
        rmSync(file, { force: true });
        return;
      }
      writeFileSync(file, cipher ? cipher.encrypt(secret) : secret, { mode: 0o600 });
      // `mode` applies only when the file is created: an existing file keeps its old mode.
      chmodSync(file, 0o600);
    },
  };
}

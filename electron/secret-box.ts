import { safeStorage } from 'electron';
import type { SecretBox } from './backend/sync/sync-config';

/**
 * Sharing tokens kept with the OS keychain (issue 19): Electron's safeStorage encrypts them in the main process
 * (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux); the backend keeps only the ciphertext.
 */
export const electronSecretBox: SecretBox = {
  available: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  encrypt: (text) => safeStorage.encryptString(text).toString('base64'),
  decrypt: (cipher) => safeStorage.decryptString(Buffer.from(cipher, 'base64')),
};

// The reopen token exists in plain only in the intake's answer (the database keeps its hash),
// so the receipt page finds it here, for this tab, to print it once for the resident.
const key = (code: string) => `petawarga.console.token.${code}`;

export function rememberResidentToken(code: string, token: string): void {
  try {
    sessionStorage.setItem(key(code), token);
  } catch {
    // Storage blocked: the receipt is printed without the token.
  }
}

export function residentToken(code: string): string | null {
  try {
    return sessionStorage.getItem(key(code));
  } catch {
    return null;
  }
}

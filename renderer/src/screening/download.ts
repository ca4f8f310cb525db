/**
 * Saves text as a file through the browser's download: a Blob behind a
 * temporary link. Electron shows its save dialog for the same link.
 */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some engines read the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
